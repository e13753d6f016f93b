package dev.lightspeed.tools.mcp.oauth;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client needs of an authorization server's metadata (RFC 8414): where to send the user, where to
 * exchange and refresh tokens, where to register (when it allows dynamic registration), and what it supports.
 */
public record AuthorizationServer(URI issuer, URI authorizationEndpoint, URI tokenEndpoint, Optional<URI> registrationEndpoint,
    List<String> codeChallengeMethods, List<String> tokenEndpointAuthMethods) {
  public AuthorizationServer {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
    Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    Objects.requireNonNull(registrationEndpoint, "registrationEndpoint");
    codeChallengeMethods = List.copyOf(codeChallengeMethods);
    tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
  }
}
