package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;

/** Result of {@code mcp/servers/login/complete}: the server, whose {@code login} now shows the new login. */
public record McpServerLoginCompleteResponse(McpServerView server) {
  public McpServerLoginCompleteResponse {
    Fields.required(server, "server");
  }
}
