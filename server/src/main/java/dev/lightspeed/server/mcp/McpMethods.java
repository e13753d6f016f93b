package dev.lightspeed.server.mcp;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerDeleteResponse;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerListResponse;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerPutResponse;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.mcp.McpServerReadResponse;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpServerConflictException;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import java.time.InstantSource;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code mcp/servers/put|read|list|delete}: the universe's MCP server catalog. A put replaces the whole record
 * (checked against {@code expectedRevision} when the server exists); sessions that link the server see the
 * change when their tools are next derived (a config change or the next run). Header values are accepted
 * and stored but never returned.
 */
public final class McpMethods {
  private final UniverseId universe;
  private final McpServerStore store;
  private final boolean localCommands;
  private final InstantSource clock;

  /** @param localCommands whether local (stdio) servers may be registered: embedded mode only */
  public McpMethods(UniverseId universe, McpServerStore store, boolean localCommands, InstantSource clock) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.store = Objects.requireNonNull(store, "store");
    this.localCommands = localCommands;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.MCP_SERVERS_PUT, McpServerPutParams.class, this::put)
        .on(Methods.MCP_SERVERS_READ, McpServerReadParams.class, p -> new McpServerReadResponse(McpServerRecords.view(find(p.serverId()))))
        .on(Methods.MCP_SERVERS_LIST, McpServerListParams.class, this::list)
        .on(Methods.MCP_SERVERS_DELETE, McpServerDeleteParams.class, this::delete);
  }

  private McpServerPutResponse put(McpServerPutParams params) {
    McpServerInput server = McpServerRecords.normalize(params.server(), localCommands);
    OptionalLong expected = params.expectedRevision() == null ? OptionalLong.empty() : OptionalLong.of(params.expectedRevision());
    try {
      StoredMcpServer stored = store.put(universe, server.serverId(), McpServerRecords.document(server), expected, clock.millis());
      return new McpServerPutResponse(McpServerRecords.view(stored));
    } catch (McpServerConflictException e) {
      throw RpcException.of(ErrorKind.CONFLICT, e.getMessage() + ": someone else changed it; read it again and retry");
    }
  }

  private McpServerListResponse list(McpServerListParams params) {
    return new McpServerListResponse(store.list(universe).stream()
        .map(McpServerRecords::view)
        .filter(v -> params.status() == null || v.status() == params.status())
        .toList());
  }

  private McpServerDeleteResponse delete(McpServerDeleteParams params) {
    return new McpServerDeleteResponse(McpServerRecords.view(store.delete(universe, params.serverId()).orElseThrow(() -> notFound(params.serverId()))));
  }

  private StoredMcpServer find(String serverId) {
    return store.find(universe, serverId).orElseThrow(() -> notFound(serverId));
  }

  private static RpcException notFound(String serverId) {
    return RpcException.notFound("MCP server \"" + serverId + "\" is not in the catalog; mcp/servers/list shows the registered servers");
  }
}
