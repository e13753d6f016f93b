package dev.lightspeed.tools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.memory.InMemoryMcpCredentialStore;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.mcp.SecretBox;
import dev.lightspeed.testkit.mcp.EverythingServer;
import dev.lightspeed.testkit.mcp.HeaderFront;
import dev.lightspeed.testkit.mcp.TestAuthorizationServer;
import dev.lightspeed.tools.mcp.oauth.OAuthClient;
import dev.lightspeed.tools.mcp.oauth.OAuthClientInfo;
import dev.lightspeed.tools.mcp.oauth.OAuthDiscovery;
import dev.lightspeed.tools.mcp.oauth.OAuthException;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import dev.lightspeed.tools.mcp.oauth.OAuthTokens;
import dev.lightspeed.tools.mcp.oauth.Pkce;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OAuth client against a small authorization server started in the test, guarding the reference MCP
 * server from npm: discovery from the 401, dynamic registration, the code flow with PKCE, calls with the
 * bearer token, and refreshes before expiry and after a 401.
 */
class McpOAuthTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private static final String REDIRECT = "http://127.0.0.1:53682/callback";

  private static EverythingServer mcp;
  private static TestAuthorizationServer auth;
  private static HeaderFront front;
  private static McpClients clients;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
  private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
  private final OAuthClient oauth = new OAuthClient(http, clock);
  private final InMemoryMcpCredentialStore store = new InMemoryMcpCredentialStore();
  private final McpCredentialVault vault = new McpCredentialVault(store, Optional.of(new SecretBox(randomKey())));

  @BeforeAll
  static void start() {
    EverythingServer.assumeNpx();
    mcp = EverythingServer.startHttp();
    auth = TestAuthorizationServer.start();
    front = auth.protect(mcp.url());
    clients = new McpClients(new McpClients.Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(120)));
  }

  @AfterAll
  static void stop() {
    if (clients != null) clients.close();
    if (front != null) front.close();
    if (auth != null) auth.close();
    if (mcp != null) mcp.close();
  }

  static MasterKey randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return MasterKey.of(key);
  }

  /** The user's part: follows the authorization URL and {@return the query of the redirect it ends at} */
  private Map<String, String> approve(URI authorizationUrl) throws Exception {
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(authorizationUrl).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(302);
    URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
    assertThat(location.toString()).startsWith(REDIRECT + "?");
    Map<String, String> query = new HashMap<>();
    for (String pair : location.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private OAuthGrant login(String serverId) throws Exception {
    OAuthDiscovery.Result found = new OAuthDiscovery(http).discover(front.url(), OAuthDiscovery.Hints.NONE);
    OAuthClientInfo client = oauth.register(found.server(), REDIRECT);
    Pkce pkce = Pkce.create(new SecureRandom());
    Map<String, String> redirect = approve(oauth.authorizationUrl(found.server(), client, pkce, "state-1", found.resource(), found.scopes()));
    assertThat(redirect).containsEntry("state", "state-1");
    OAuthTokens tokens = oauth.exchangeCode(found.server().tokenEndpoint(), client, redirect.get("code"), pkce.verifier(), found.resource());
    OAuthGrant grant = new OAuthGrant(found.server().issuer(), found.server().tokenEndpoint(), found.resource(), found.scopes(), client, tokens);
    vault.write(U, serverId, new McpCredentials(Map.of(), Optional.of(grant)));
    return grant;
  }

  private McpEndpoint.Http endpoint(String serverId) {
    return new McpEndpoint.Http(front.url(), new StoredMcpAuth(U, serverId, 1, true, vault, oauth, clock));
  }

  private String echo(McpEndpoint endpoint, String message) {
    McpSchema.CallToolResult result = clients.call(endpoint, "echo", Map.of("message", message));
    assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Test
  void discoveryFollowsTheChallengeToTheResourceAndItsAuthorizationServer() {
    OAuthDiscovery.Result found = new OAuthDiscovery(http).discover(front.url(), OAuthDiscovery.Hints.NONE);

    assertThat(found.resource()).isEqualTo(front.url().toString());
    assertThat(found.server().issuer()).isEqualTo(auth.issuer());
    assertThat(found.server().tokenEndpoint()).isEqualTo(auth.issuer().resolve("/token"));
    assertThat(found.server().registrationEndpoint()).contains(auth.issuer().resolve("/register"));
    assertThat(found.scopes()).containsExactly("mcp:tools");
  }

  @Test
  void aLoggedInServerIsCalledWithTheBearerTokenAndRefreshedBeforeExpiryAndAfterA401() throws Exception {
    OAuthGrant grant = login("guarded");
    assertThat(grant.tokens().refreshToken()).isPresent();
    assertThat(grant.tokens().expiresAtMs()).hasValue(now.get() + 3_600_000);
    McpEndpoint.Http endpoint = endpoint("guarded");

    assertThat(echo(endpoint, "hi")).contains("hi");
    int refreshes = auth.refreshes();

    // the server no longer takes the token: the 401 refreshes it and the request is sent again
    auth.expireAccessTokens();
    assertThat(echo(endpoint, "after 401")).contains("after 401");
    assertThat(auth.refreshes()).isEqualTo(refreshes + 1);

    // the token is about to expire by the stored expiry: it is refreshed before the request, with no 401
    int refused = front.refused();
    now.addAndGet(3_600_000 - StoredMcpAuth.REFRESH_MARGIN_MS / 2);
    assertThat(echo(endpoint, "before expiry")).contains("before expiry");
    assertThat(auth.refreshes()).isEqualTo(refreshes + 2);
    assertThat(front.refused()).isEqualTo(refused);

    String sealed = store.find(U, "guarded").orElseThrow();
    assertThat(auth.issuedTokens()).isNotEmpty().allSatisfy(token -> assertThat(sealed).doesNotContain(token));
    assertThat(sealed).doesNotContain(grant.client().clientId());
  }

  @Test
  void aWrongVerifierIsRefusedByTheTokenEndpoint() throws Exception {
    OAuthDiscovery.Result found = new OAuthDiscovery(http).discover(front.url(), OAuthDiscovery.Hints.NONE);
    OAuthClientInfo client = oauth.register(found.server(), REDIRECT);
    Pkce pkce = Pkce.create(new SecureRandom());
    Map<String, String> redirect = approve(oauth.authorizationUrl(found.server(), client, pkce, "s", found.resource(), found.scopes()));

    assertThatThrownBy(() -> oauth.exchangeCode(found.server().tokenEndpoint(), client, redirect.get("code"),
        Pkce.create(new SecureRandom()).verifier(), found.resource()))
        .isInstanceOf(OAuthException.class)
        .hasMessageContaining("invalid_grant (the code_verifier does not match the code_challenge)");
  }

  @Test
  void aServerThatNeedsALoginFailsSayingHowToLogIn() {
    assertThatThrownBy(() -> clients.listTools(endpoint("nobody")))
        .isInstanceOf(McpUnavailableException.class)
        .hasMessageContaining("MCP server \"nobody\" needs a login first: run lightspeed mcp login nobody");
    McpEndpoint.Http anonymous = new McpEndpoint.Http(front.url(), new StoredMcpAuth(U, "nobody", 1, false, vault, oauth, clock));
    assertThatThrownBy(() -> clients.listTools(anonymous))
        .isInstanceOf(McpUnavailableException.class)
        .hasMessageContaining("the server refused the credentials (HTTP 401)");
  }
}
