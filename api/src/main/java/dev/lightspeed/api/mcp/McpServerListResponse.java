package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code mcp/servers/list}: the servers sorted by id. */
public record McpServerListResponse(List<McpServerView> servers) {
  public McpServerListResponse {
    servers = Fields.listOrEmpty(servers, "servers");
  }
}
