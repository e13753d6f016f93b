package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code mcp/servers/login/start} (Lightspeed, beyond the contract): begins an OAuth login to a
 * catalog server whose {@code authPolicy} is {@code optionalOAuth} or {@code requiredOAuth}.
 *
 * @param redirectUri where the authorization server sends the browser back: a loopback {@code http} URL the
 *     client listens on (e.g. {@code http://127.0.0.1:53682/callback}) or an {@code https} URL
 * @param clientId a client registered beforehand at the authorization server; absent: the gateway registers
 *     one dynamically (or reuses the one it registered before for this redirect URI)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record McpServerLoginStartParams(String serverId, String redirectUri, String clientId) {
  public McpServerLoginStartParams {
    Fields.required(serverId, "serverId");
    Fields.required(redirectUri, "redirectUri");
  }
}
