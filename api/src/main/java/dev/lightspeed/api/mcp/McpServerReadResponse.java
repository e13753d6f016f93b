package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;

/** Result of {@code mcp/servers/read}: the server record. */
public record McpServerReadResponse(McpServerView server) {
  public McpServerReadResponse {
    Fields.required(server, "server");
  }
}
