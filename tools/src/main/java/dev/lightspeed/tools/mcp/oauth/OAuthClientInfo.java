package dev.lightspeed.tools.mcp.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth client Lightspeed is at an authorization server: its id, its secret when the server issued one
 * (a secret: stored sealed), how it authenticates at the token endpoint ({@code none},
 * {@code client_secret_basic} or {@code client_secret_post}) and the redirect URI it was registered with.
 */
public record OAuthClientInfo(String clientId, Optional<String> clientSecret, String authMethod, String redirectUri) {
  public OAuthClientInfo {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(authMethod, "authMethod");
    Objects.requireNonNull(redirectUri, "redirectUri");
  }

  @Override
  public String toString() {
    return "OAuthClientInfo[clientId=" + clientId + ", authMethod=" + authMethod + ", redirectUri=" + redirectUri
        + (clientSecret.isPresent() ? ", clientSecret=<redacted>" : "") + "]";
  }
}
