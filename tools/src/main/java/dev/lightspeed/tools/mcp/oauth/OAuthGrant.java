package dev.lightspeed.tools.mcp.oauth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A completed login to one MCP server: the authorization server's token endpoint, the resource and scopes the
 * tokens are for, the client they were issued to, and the tokens. Enough to call the server and to refresh.
 */
public record OAuthGrant(URI issuer, URI tokenEndpoint, String resource, List<String> scopes, OAuthClientInfo client, OAuthTokens tokens) {
  public OAuthGrant {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(resource, "resource");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tokens, "tokens");
  }

  /** {@return this grant with {@code fresh} tokens, keeping the refresh token when the server sent no new one} */
  public OAuthGrant withTokens(OAuthTokens fresh) {
    OAuthTokens merged = fresh.refreshToken().isPresent() ? fresh
        : new OAuthTokens(fresh.accessToken(), tokens.refreshToken(), fresh.expiresAtMs(), fresh.scope());
    return new OAuthGrant(issuer, tokenEndpoint, resource, scopes, client, merged);
  }
}
