package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;

/** Result of {@code mcp/servers/delete}: the server record as it was before deletion. */
public record McpServerDeleteResponse(McpServerView server) {
  public McpServerDeleteResponse {
    Fields.required(server, "server");
  }
}
