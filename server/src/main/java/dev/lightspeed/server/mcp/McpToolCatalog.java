package dev.lightspeed.server.mcp;

import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.McpTokens;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.mcp.McpDirectory;
import dev.lightspeed.tools.mcp.McpProviderTools;
import dev.lightspeed.tools.mcp.McpServerSettings;
import dev.lightspeed.tools.mcp.McpToolNames;
import dev.lightspeed.tools.mcp.McpToolPort;
import dev.lightspeed.tools.mcp.McpToolSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds MCP tools to a tool catalog: a session whose config has {@code features.mcp} gets the tools of the
 * harness-run servers it links after the catalog's own (calls whose name starts with {@code mcp__} run
 * through {@link McpToolPort}), then one provider-native spec per provider-run server ({@link McpProviderTools}),
 * whose bearer token the model port looks up through {@link #tokens} at each call. The specs are derived with
 * fresh tool lists (every server asked again), so a session's
 * MCP tools follow the servers at session start, at each config change and before each run that
 * {@code session/runs/start} starts on an idle session.
 */
public final class McpToolCatalog {
  private McpToolCatalog() {}

  /** {@return {@code base} with the MCP tools of {@code tools} added} */
  public static ToolCatalog extend(ToolCatalog base, BlobStore blobs, McpToolSet tools) {
    return new ToolCatalog(
        state -> {
          ToolPort files = base.port().forSession(state);
          ToolPort mcp = new McpToolPort(blobs, tools, state.config().document());
          return (batch, call, context) -> call.call().name().startsWith(McpToolNames.PREFIX)
              ? mcp.invoke(batch, call, context) : files.invoke(batch, call, context);
        },
        (universe, config) -> {
          List<ToolSpec> specs = new ArrayList<>(base.specs().forConfig(universe, config));
          specs.addAll(ToolRegistry.of(tools.forConfig(universe, config, McpToolSet.Freshness.REFRESHED)).specs(blobs, universe));
          String apiKind = config.findObject("model").flatMap(m -> m.findString("apiKind")).orElse("openai:responses");
          for (McpServerSettings server : tools.providerServers(universe, config)) specs.add(McpProviderTools.spec(server, apiKind, blobs, universe));
          return List.copyOf(specs);
        });
  }

  /**
   * {@return the bearer tokens the model provider is sent for provider-run servers: the {@code Authorization:
   * Bearer} header of an active, provider-run catalog server, read at each call; none for a server the harness runs}
   */
  public static McpTokens tokens(McpDirectory directory) {
    return (universe, serverId) -> directory.find(universe, serverId)
        .filter(server -> server.execution() == McpServerSettings.Execution.PROVIDER)
        .flatMap(McpProviderTools::bearerToken);
  }

  /**
   * {@return the sessions' view of {@code store}: active servers (local commands only when allowed), whose
   * secrets in {@code secrets} are opened only when a request is about to be sent}
   */
  public static McpDirectory directory(McpServerStore store, McpSecrets secrets, boolean localCommands) {
    return (universe, serverId) -> store.find(universe, serverId).flatMap(s -> McpServerRecords.settings(universe, s, localCommands, secrets));
  }
}
