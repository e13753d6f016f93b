package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;

/** Result of {@code mcp/servers/put}: the server record. */
public record McpServerPutResponse(McpServerView server) {
  public McpServerPutResponse {
    Fields.required(server, "server");
  }
}
