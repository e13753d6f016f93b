package dev.lightspeed.tools.mcp;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.tools.Tool;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The MCP tools a session's config grants: for each server linked in {@code features.mcp}, the server's tools
 * (from the catalog in {@link McpDirectory}, listed through {@link McpToolLists}) that pass the link's allowed
 * tools, or else the catalog's. Safe for concurrent use.
 */
public final class McpToolSet {
  private final McpDirectory directory;
  private final McpToolLists lists;

  public McpToolSet(McpDirectory directory, McpToolLists lists) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.lists = Objects.requireNonNull(lists, "lists");
  }

  /** How fresh the server's tool lists must be. */
  public enum Freshness {
    /** Ask every server again (before a run, and when the config changes); a server that does not answer keeps its cached list. */
    REFRESHED,
    /** Use the cached lists; ask only servers never listed. */
    CACHED
  }

  /**
   * {@return the session's MCP tools, in link order and each server's order; a server that cannot be listed
   * and has no cached list contributes none}
   *
   * @throws IllegalArgumentException naming the field when {@code features.mcp} is malformed or links a server
   *     the catalog does not have
   */
  public List<Tool> forConfig(UniverseId universe, Json.Obj config, Freshness freshness) {
    Optional<McpFeature> feature = McpFeature.fromConfig(config);
    if (feature.isEmpty()) return List.of();
    List<Tool> tools = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<McpFeature.Link> links = feature.get().servers();
    for (int i = 0; i < links.size(); i++) {
      McpFeature.Link link = links.get(i);
      int index = i;
      McpServerSettings server = server(universe, link, index);
      if (server.execution() == McpServerSettings.Execution.PROVIDER) continue;
      for (Tool tool : tools(server, link, list(server.endpoint(), freshness))) {
        if (names.add(tool.definition().name())) tools.add(tool);
      }
    }
    return List.copyOf(tools);
  }

  /**
   * {@return the linked servers the provider runs, with the link's overrides applied to their allowed tools
   * and approval}
   *
   * @throws IllegalArgumentException naming the field when {@code features.mcp} is malformed or links a server
   *     the catalog does not have
   */
  public List<McpServerSettings> providerServers(UniverseId universe, Json.Obj config) {
    Optional<McpFeature> feature = McpFeature.fromConfig(config);
    if (feature.isEmpty()) return List.of();
    List<McpServerSettings> servers = new ArrayList<>();
    List<McpFeature.Link> links = feature.get().servers();
    for (int i = 0; i < links.size(); i++) {
      McpFeature.Link link = links.get(i);
      McpServerSettings server = server(universe, link, i);
      if (server.execution() != McpServerSettings.Execution.PROVIDER) continue;
      servers.add(new McpServerSettings(server.serverId(), server.label(), server.endpoint(), server.execution(),
          link.allowedTools().or(server::allowedTools), approval(server, link)));
    }
    return List.copyOf(servers);
  }

  private McpServerSettings server(UniverseId universe, McpFeature.Link link, int index) {
    return directory.find(universe, link.serverId()).orElseThrow(() -> new IllegalArgumentException(
        "features.mcp.servers[" + index + "].serverId \"" + link.serverId() + "\" is not an active server in the MCP catalog"
            + " (register it with mcp/servers/put)"));
  }

  private static McpServerSettings.Approval approval(McpServerSettings server, McpFeature.Link link) {
    return link.approval().map(a -> a.equals("always") ? McpServerSettings.Approval.ALWAYS : McpServerSettings.Approval.NEVER)
        .orElse(server.approval());
  }

  /**
   * {@return the granted MCP tool the model called {@code name}, from the cached lists; when it is not among
   * them, each linked server is listed again (a server that changed its tools since the list was cached)}
   *
   * @throws IllegalArgumentException when {@code features.mcp} is malformed
   */
  public Optional<McpTool> find(UniverseId universe, Json.Obj config, String name) {
    Optional<McpFeature> feature = McpFeature.fromConfig(config);
    if (feature.isEmpty()) return Optional.empty();
    for (McpFeature.Link link : feature.get().servers()) {
      Optional<McpServerSettings> server = directory.find(universe, link.serverId())
          .filter(found -> found.execution() == McpServerSettings.Execution.HARNESS);
      if (server.isEmpty()) continue;
      Optional<McpTool> found = named(tools(server.get(), link, list(server.get().endpoint(), Freshness.CACHED)), name);
      if (found.isEmpty()) {
        try {
          found = named(tools(server.get(), link, lists.refresh(server.get().endpoint())), name);
        } catch (McpUnavailableException e) {
          // not listed now: the tool is reported as not granted, and the caller says so
        }
      }
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  private List<McpSchema.Tool> list(McpEndpoint endpoint, Freshness freshness) {
    try {
      return switch (freshness) {
        case REFRESHED -> lists.refresh(endpoint);
        case CACHED -> lists.get(endpoint);
      };
    } catch (McpUnavailableException e) {
      return lists.cached(endpoint).orElse(List.of());
    }
  }

  private List<McpTool> tools(McpServerSettings server, McpFeature.Link link, List<McpSchema.Tool> listed) {
    Optional<List<String>> allowed = link.allowedTools().or(server::allowedTools);
    McpServerSettings.Approval approval = approval(server, link);
    List<McpTool> tools = new ArrayList<>();
    for (McpSchema.Tool tool : listed) {
      if (allowed.isPresent() && !allowed.get().contains(tool.name())) continue;
      tools.add(new McpTool(server, approval, tool, lists.clients()));
    }
    return tools;
  }

  private static Optional<McpTool> named(List<McpTool> tools, String name) {
    return tools.stream().filter(t -> t.definition().name().equals(name)).findFirst();
  }
}
