package dev.lightspeed.tools.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool lists of MCP servers, cached per endpoint. {@link #refresh} asks the server again; {@link #get}
 * answers from the cache and asks only when the endpoint was never listed. Safe for concurrent use.
 */
public final class McpToolLists {
  private final McpClients clients;
  private final Map<McpEndpoint, List<McpSchema.Tool>> lists = new ConcurrentHashMap<>();

  public McpToolLists(McpClients clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  public McpClients clients() {
    return clients;
  }

  /**
   * {@return the server's tools as it lists them now, which replace the cached list}
   *
   * @throws McpUnavailableException when the server cannot be listed
   */
  public List<McpSchema.Tool> refresh(McpEndpoint endpoint) {
    List<McpSchema.Tool> tools = clients.listTools(endpoint);
    lists.put(endpoint, tools);
    return tools;
  }

  /**
   * {@return the cached list, or the server's list when none is cached}
   *
   * @throws McpUnavailableException when nothing is cached and the server cannot be listed
   */
  public List<McpSchema.Tool> get(McpEndpoint endpoint) {
    List<McpSchema.Tool> cached = lists.get(endpoint);
    return cached != null ? cached : refresh(endpoint);
  }

  /** {@return the cached list of {@code endpoint}, if it was ever listed} */
  public Optional<List<McpSchema.Tool>> cached(McpEndpoint endpoint) {
    return Optional.ofNullable(lists.get(endpoint));
  }
}
