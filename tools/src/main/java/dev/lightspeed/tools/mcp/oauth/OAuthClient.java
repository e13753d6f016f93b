package dev.lightspeed.tools.mcp.oauth;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The client side of OAuth 2.1 for MCP servers: dynamic client registration (RFC 7591), the authorization URL
 * of an authorization-code login with PKCE and a resource indicator (RFC 8707), and the token endpoint's code
 * exchange and refresh. Holds no state; safe for concurrent use.
 */
public final class OAuthClient {
  /** The name Lightspeed registers under. */
  public static final String CLIENT_NAME = "Lightspeed";

  private final OAuthHttp http;
  private final InstantSource clock;

  public OAuthClient(HttpClient http, InstantSource clock) {
    this.http = new OAuthHttp(Objects.requireNonNull(http, "http"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * {@return a client registered at {@code server}'s registration endpoint for {@code redirectUri}: a public
   * client (PKCE, no secret) unless the server insists on issuing a secret}
   *
   * @throws OAuthException when the server offers no registration or refuses it
   */
  public OAuthClientInfo register(AuthorizationServer server, String redirectUri) {
    URI endpoint = server.registrationEndpoint().orElseThrow(() -> new OAuthException("the authorization server " + server.issuer()
        + " offers no dynamic client registration; register a client there and pass its id (lightspeed mcp login NAME --client-id ID)"));
    ObjectNode request = OAuthHttp.JSON.createObjectNode();
    request.put("client_name", CLIENT_NAME);
    request.putArray("redirect_uris").add(redirectUri);
    ArrayNode grants = request.putArray("grant_types");
    grants.add("authorization_code").add("refresh_token");
    request.putArray("response_types").add("code");
    request.put("token_endpoint_auth_method", "none");
    OAuthHttp.Reply reply = http.postJson(endpoint, request, "register a client");
    if (reply.status() / 100 != 2 || reply.body().isEmpty() || !reply.body().get().hasNonNull("client_id")) {
      throw new OAuthException("the authorization server " + server.issuer() + " refused to register a client: " + OAuthHttp.describeError(reply));
    }
    ObjectNode body = reply.body().get();
    Optional<String> secret = Optional.ofNullable(body.path("client_secret").asText(null)).filter(s -> !s.isEmpty());
    String method = body.path("token_endpoint_auth_method").asText(secret.isPresent() ? "client_secret_basic" : "none");
    return new OAuthClientInfo(body.path("client_id").asText(), secret, method, redirectUri);
  }

  /** {@return the URL to send the user to: authorization code with PKCE S256, {@code state} and the resource} */
  public URI authorizationUrl(AuthorizationServer server, OAuthClientInfo client, Pkce pkce, String state, String resource, List<String> scopes) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", client.clientId());
    query.put("redirect_uri", client.redirectUri());
    query.put("code_challenge", pkce.challenge());
    query.put("code_challenge_method", Pkce.METHOD);
    query.put("state", state);
    query.put("resource", resource);
    if (!scopes.isEmpty()) query.put("scope", String.join(" ", scopes));
    String base = server.authorizationEndpoint().toString();
    String encoded = query.entrySet().stream().map(e -> OAuthHttp.encode(e.getKey()) + "=" + OAuthHttp.encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
  }

  /**
   * {@return the tokens {@code code} is exchanged for, proving the login with {@code verifier}}
   *
   * @throws OAuthException with the server's error when it refuses
   */
  public OAuthTokens exchangeCode(URI tokenEndpoint, OAuthClientInfo client, String code, String verifier, String resource) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", client.redirectUri());
    form.put("code_verifier", verifier);
    form.put("resource", resource);
    return token(tokenEndpoint, client, form, "exchange the authorization code");
  }

  /**
   * {@return fresh tokens for {@code refreshToken}}
   *
   * @throws OAuthException with the server's error when it refuses (e.g. {@code invalid_grant}: log in again)
   */
  public OAuthTokens refresh(URI tokenEndpoint, OAuthClientInfo client, String refreshToken, String resource, List<String> scopes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("resource", resource);
    if (!scopes.isEmpty()) form.put("scope", String.join(" ", scopes));
    return token(tokenEndpoint, client, form, "refresh the access token");
  }

  private OAuthTokens token(URI endpoint, OAuthClientInfo client, Map<String, String> form, String what) {
    long now = clock.millis();
    boolean basic = client.clientSecret().isPresent() && !client.authMethod().equals("client_secret_post");
    if (!basic) form.put("client_id", client.clientId());
    if (client.clientSecret().isPresent() && client.authMethod().equals("client_secret_post")) form.put("client_secret", client.clientSecret().get());
    OAuthHttp.Reply reply = http.postForm(endpoint, form, basic ? Optional.of(client.clientId()) : Optional.empty(),
        basic ? client.clientSecret() : Optional.empty(), what);
    if (reply.status() != 200 || reply.body().isEmpty() || !reply.body().get().hasNonNull("access_token")) {
      throw new OAuthException("cannot " + what + ": the token endpoint " + endpoint + " answered " + OAuthHttp.describeError(reply));
    }
    ObjectNode body = reply.body().get();
    String type = body.path("token_type").asText("Bearer");
    if (!type.equalsIgnoreCase("bearer")) throw new OAuthException("cannot " + what + ": the token endpoint issued a " + type + " token, not Bearer");
    OptionalLong expires = body.hasNonNull("expires_in") ? OptionalLong.of(now + body.path("expires_in").asLong() * 1000) : OptionalLong.empty();
    return new OAuthTokens(body.path("access_token").asText(), Optional.ofNullable(body.path("refresh_token").asText(null)), expires,
        Optional.ofNullable(body.path("scope").asText(null)));
  }
}
