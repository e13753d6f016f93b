package dev.lightspeed.api.mcp;

import dev.lightspeed.api.Fields;

/**
 * Result of {@code mcp/servers/login/start}: the URL to open in a browser, and the {@code state} the redirect
 * will carry back, to be passed with the code to {@code mcp/servers/login/complete} before {@code expiresAtMs}.
 * The PKCE verifier stays in the gateway.
 */
public record McpServerLoginStartResponse(String authorizationUrl, String state, long expiresAtMs) {
  public McpServerLoginStartResponse {
    Fields.required(authorizationUrl, "authorizationUrl");
    Fields.required(state, "state");
  }
}
