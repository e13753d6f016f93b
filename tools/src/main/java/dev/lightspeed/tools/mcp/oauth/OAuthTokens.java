package dev.lightspeed.tools.mcp.oauth;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Tokens from a token endpoint: secrets, stored sealed and never printed ({@link #toString} redacts them). */
public record OAuthTokens(String accessToken, Optional<String> refreshToken, OptionalLong expiresAtMs, Optional<String> scope) {
  public OAuthTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresAtMs, "expiresAtMs");
    Objects.requireNonNull(scope, "scope");
  }

  /** {@return whether the access token expires within {@code marginMs} of {@code nowMs} (never, when no expiry was given)} */
  public boolean expiresWithin(long nowMs, long marginMs) {
    return expiresAtMs.isPresent() && expiresAtMs.getAsLong() - marginMs <= nowMs;
  }

  @Override
  public String toString() {
    return "OAuthTokens[accessToken=<redacted>, refreshToken=" + (refreshToken.isPresent() ? "<redacted>" : "none")
        + ", expiresAtMs=" + expiresAtMs + ", scope=" + scope.orElse("") + "]";
  }
}
