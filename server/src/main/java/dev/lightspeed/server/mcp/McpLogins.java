package dev.lightspeed.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerLoginStartResponse;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.StoredMcpServer;
import dev.lightspeed.tools.mcp.McpCredentialVault;
import dev.lightspeed.tools.mcp.McpCredentials;
import dev.lightspeed.tools.mcp.McpCredentialsException;
import dev.lightspeed.tools.mcp.oauth.OAuthClientInfo;
import dev.lightspeed.tools.mcp.oauth.OAuthDiscovery;
import dev.lightspeed.tools.mcp.oauth.OAuthException;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import dev.lightspeed.tools.mcp.oauth.OAuthTokens;
import dev.lightspeed.tools.mcp.oauth.Pkce;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth logins in progress. {@link #start} discovers the server's authorization server, registers a client
 * when needed, and keeps the PKCE verifier here (in memory, for {@link #LIFETIME}) under a random
 * {@code state}; {@link #take} and {@link #exchange} finish the login the browser's redirect came back
 * from. A login must finish at the gateway process that started it.
 */
final class McpLogins {
  static final Duration LIFETIME = Duration.ofMinutes(10);
  private static final int MAX_WAITING = 100;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  /** A login waiting for its redirect: the server record it was for and what the code exchange needs. */
  record Started(UniverseId universe, McpServerInput server, OAuthDiscovery.Result found, OAuthClientInfo client, Pkce pkce, long expiresAtMs) {}

  private final McpSecrets secrets;
  private final InstantSource clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Started> waiting = new ConcurrentHashMap<>();

  McpLogins(McpSecrets secrets, InstantSource clock) {
    this.secrets = secrets;
    this.clock = clock;
  }

  McpServerLoginStartResponse start(UniverseId universe, StoredMcpServer stored, McpServerLoginStartParams params) {
    McpServerInput server = McpServerRecords.input(stored);
    String id = server.serverId();
    if (!McpServerRecords.oauth(server)) {
      throw RpcException.invalidParams("MCP server \"" + id + "\" does not use OAuth (its authPolicy is "
          + (server.authPolicy() == null ? "none" : server.authPolicy().path("type").asText()) + "); register it with an optionalOAuth or "
          + "requiredOAuth authPolicy (lightspeed mcp add " + id + " --url URL --oauth)");
    }
    if (!secrets.vault().canSeal()) throw RpcException.rejected(McpCredentialVault.missingKey("logging in to MCP server \"" + id + "\" (tokens are stored sealed)"));
    String redirectUri = redirectUri(params.redirectUri());
    JsonNode policy = server.authPolicy();
    OAuthDiscovery.Hints hints = new OAuthDiscovery.Hints(
        Optional.ofNullable(policy.path("protected_resource_metadata_url").asText(null)).map(URI::create),
        Optional.ofNullable(policy.path("authorization_server").asText(null)).map(URI::create), strings(policy.path("scopes_default")));
    try {
      OAuthDiscovery.Result found = secrets.discovery().discover(URI.create(server.serverUrl()), hints);
      OAuthClientInfo client = client(universe, id, found, redirectUri, Optional.ofNullable(params.clientId()));
      Pkce pkce = Pkce.create(random);
      String state = token();
      long expiresAt = clock.millis() + LIFETIME.toMillis();
      waiting.values().removeIf(s -> s.expiresAtMs() <= clock.millis());
      if (waiting.size() >= MAX_WAITING) throw RpcException.rejected("too many logins are waiting for their redirect; try again in a few minutes");
      waiting.put(state, new Started(universe, server, found, client, pkce, expiresAt));
      URI url = secrets.oauth().authorizationUrl(found.server(), client, pkce, state, found.resource(), found.scopes());
      return new McpServerLoginStartResponse(url.toString(), state, expiresAt);
    } catch (OAuthException e) {
      throw RpcException.rejected("cannot log in to MCP server \"" + id + "\": " + e.getMessage());
    }
  }

  /** {@return the login {@code params.state} started, removing it: a state is used once} */
  Started take(UniverseId universe, McpServerLoginCompleteParams params) {
    Started started = waiting.remove(params.state());
    if (started == null || started.expiresAtMs() <= clock.millis() || !started.universe().equals(universe)
        || !started.server().serverId().equals(params.serverId())) {
      throw RpcException.invalidParams("no login to MCP server \"" + params.serverId() + "\" is waiting for this state (logins expire after "
          + LIFETIME.toMinutes() + " minutes and complete once); run lightspeed mcp login " + params.serverId() + " again");
    }
    return started;
  }

  /** {@return the grant {@code code} is exchanged for} */
  OAuthGrant exchange(Started started, String code) {
    OAuthDiscovery.Result found = started.found();
    try {
      OAuthTokens tokens = secrets.oauth().exchangeCode(found.server().tokenEndpoint(), started.client(), code, started.pkce().verifier(),
          found.resource());
      return new OAuthGrant(found.server().issuer(), found.server().tokenEndpoint(), found.resource(), found.scopes(), started.client(), tokens);
    } catch (OAuthException e) {
      throw RpcException.rejected("cannot log in to MCP server \"" + started.server().serverId() + "\": " + e.getMessage());
    }
  }

  /** {@return the given client, the one registered before for this issuer and redirect URI, or a newly registered one} */
  private OAuthClientInfo client(UniverseId universe, String serverId, OAuthDiscovery.Result found, String redirectUri, Optional<String> clientId) {
    if (clientId.isPresent()) return new OAuthClientInfo(clientId.get(), Optional.empty(), "none", redirectUri);
    Optional<OAuthGrant> before;
    try {
      before = secrets.vault().read(universe, serverId).flatMap(McpCredentials::oauth);
    } catch (McpCredentialsException e) {
      before = Optional.empty();
    }
    if (before.isPresent() && before.get().issuer().equals(found.server().issuer()) && before.get().client().redirectUri().equals(redirectUri)) {
      return before.get().client();
    }
    return secrets.oauth().register(found.server(), redirectUri);
  }

  private static String redirectUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw RpcException.invalidParams("redirectUri \"" + text + "\" is not a URL: " + e.getReason());
    }
    boolean loopback = "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
    if (!(loopback || "https".equals(uri.getScheme()) && uri.getHost() != null) || uri.getRawFragment() != null) {
      throw RpcException.invalidParams("redirectUri \"" + text + "\" must be a loopback http URL (http://127.0.0.1:PORT/callback) or an https URL");
    }
    return text;
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
