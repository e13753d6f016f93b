package dev.lightspeed.tools.mcp;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.tools.mcp.oauth.OAuthClient;
import dev.lightspeed.tools.mcp.oauth.OAuthException;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The auth of a catalog server whose secrets are in a {@link McpCredentialVault}: before each request the
 * credentials are opened, an OAuth access token that expires within {@link #REFRESH_MARGIN_MS} is refreshed
 * (and the new tokens sealed again), and the headers are built; a 401 refreshes once more. Endpoints are equal
 * while the catalog record's revision is, so a changed record opens a new connection.
 *
 * @param revision the catalog record's revision
 * @param oauthRequired whether requests must carry a login ({@code requiredOAuth}); when none is stored they
 *     fail saying to log in
 */
public record StoredMcpAuth(UniverseId universe, String serverId, long revision, boolean oauthRequired, McpCredentialVault vault,
    OAuthClient oauth, InstantSource clock) implements McpHttpAuth {
  /** How long before expiry an access token is refreshed. */
  public static final long REFRESH_MARGIN_MS = 60_000;

  public StoredMcpAuth {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(vault, "vault");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Map<String, String> headers() {
    McpCredentials credentials = vault.read(universe, serverId).orElse(McpCredentials.NONE);
    Map<String, String> headers = new HashMap<>(credentials.headers());
    Optional<OAuthGrant> grant = credentials.oauth();
    if (grant.isPresent() && grant.get().tokens().expiresWithin(clock.millis(), REFRESH_MARGIN_MS)
        && grant.get().tokens().refreshToken().isPresent()) {
      grant = Optional.of(refresh(grant.get().tokens().accessToken()));
    }
    if (grant.isPresent()) {
      headers.put("Authorization", "Bearer " + grant.get().tokens().accessToken());
    } else if (oauthRequired) {
      throw new McpCredentialsException("MCP server \"" + serverId + "\" needs a login first: run lightspeed mcp login " + serverId);
    }
    return headers;
  }

  @Override
  public boolean renew(Optional<String> rejected) {
    Optional<OAuthGrant> grant = vault.read(universe, serverId).flatMap(McpCredentials::oauth);
    if (grant.isEmpty()) return false;
    String stored = "Bearer " + grant.get().tokens().accessToken();
    if (rejected.isPresent() && !rejected.get().equals(stored)) return true; // refreshed since that request was sent
    if (grant.get().tokens().refreshToken().isEmpty()) return false;
    refresh(grant.get().tokens().accessToken());
    return true;
  }

  /** Refreshes the tokens unless someone else already replaced {@code staleAccessToken}; {@return the current grant} */
  private OAuthGrant refresh(String staleAccessToken) {
    synchronized (vault.lock(universe, serverId)) {
      McpCredentials credentials = vault.read(universe, serverId).orElse(McpCredentials.NONE);
      OAuthGrant grant = credentials.oauth().orElseThrow(() -> new McpCredentialsException(
          "MCP server \"" + serverId + "\" has no login any more: run lightspeed mcp login " + serverId));
      if (!grant.tokens().accessToken().equals(staleAccessToken)) return grant;
      String refreshToken = grant.tokens().refreshToken().orElseThrow(() -> new McpCredentialsException(
          "the login to MCP server \"" + serverId + "\" expired and cannot be refreshed: run lightspeed mcp login " + serverId));
      OAuthGrant fresh;
      try {
        fresh = grant.withTokens(oauth.refresh(grant.tokenEndpoint(), grant.client(), refreshToken, grant.resource(), grant.scopes()));
      } catch (OAuthException e) {
        throw new McpCredentialsException("the login to MCP server \"" + serverId + "\" could not be refreshed (" + e.getMessage()
            + "): run lightspeed mcp login " + serverId, e);
      }
      vault.write(universe, serverId, credentials.withOAuth(Optional.of(fresh)));
      return fresh;
    }
  }

  @Override
  public String toString() {
    return "stored credentials of " + serverId + " (revision " + revision + ")";
  }
}
