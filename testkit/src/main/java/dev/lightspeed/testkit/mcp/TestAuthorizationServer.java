package dev.lightspeed.testkit.mcp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth 2.1 authorization server on loopback for tests, with the MCP authorization spec's parts:
 * metadata (RFC 8414), dynamic client registration (RFC 7591), an authorize endpoint that approves at once and
 * redirects with a code, and a token endpoint that checks PKCE S256, the redirect URI and the resource, and
 * refreshes (rotating the refresh token). {@link #protect} puts a Streamable HTTP MCP server behind a front
 * that accepts only live access tokens issued for it and otherwise answers 401 naming the protected resource
 * metadata, which this server publishes. Every token it issues is remembered, so a test can look for leaks.
 */
public final class TestAuthorizationServer implements AutoCloseable {
  private record Client(String id, List<String> redirectUris) {}

  private record Code(String clientId, String redirectUri, String challenge, String resource) {}

  private record Access(String resource, long expiresAtMs) {}

  private final HttpServer server;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, Code> codes = new ConcurrentHashMap<>();
  private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // token -> resource
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger codeExchanges = new AtomicInteger();
  private volatile long accessLifetimeSeconds = 3600;
  private volatile String resource;

  private TestAuthorizationServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static TestAuthorizationServer start() {
    return new TestAuthorizationServer();
  }

  /** {@return the issuer URL} */
  public URI issuer() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@return a started front for {@code target} (an MCP endpoint) accepting only this server's live tokens for it} */
  public HeaderFront protect(URI target) {
    URI metadata = issuer().resolve("/.well-known/oauth-protected-resource");
    HeaderFront front = HeaderFront.guarding(target, this::accepts,
        "Bearer error=\"invalid_token\", resource_metadata=\"" + metadata + "\", scope=\"mcp:tools\"");
    resource = front.url().toString();
    return front;
  }

  /** Sets how long access tokens issued from now on live. */
  public void accessLifetimeSeconds(long seconds) {
    accessLifetimeSeconds = seconds;
  }

  /** Makes every access token issued so far invalid, as if they had expired. */
  public void expireAccessTokens() {
    accessTokens.replaceAll((token, access) -> new Access(access.resource(), 0));
  }

  /** {@return every access and refresh token issued so far} */
  public List<String> issuedTokens() {
    return List.copyOf(issued);
  }

  public int refreshes() {
    return refreshes.get();
  }

  public int codeExchanges() {
    return codeExchanges.get();
  }

  public int registrations() {
    return clients.size();
  }

  private boolean accepts(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) return false;
    Access access = accessTokens.get(authorization.substring("Bearer ".length()));
    return access != null && access.expiresAtMs() > System.currentTimeMillis() && access.resource().equals(resource);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      switch (path) {
        case "/.well-known/oauth-protected-resource" -> json(exchange, 200, Json.Obj.builder()
            .put("resource", resource == null ? "" : resource)
            .putArray("authorization_servers", List.of(Json.of(issuer().toString())))
            .putArray("scopes_supported", List.of(Json.of("mcp:tools")))
            .build());
        case "/.well-known/oauth-authorization-server" -> json(exchange, 200, Json.Obj.builder()
            .put("issuer", issuer().toString())
            .put("authorization_endpoint", issuer().resolve("/authorize").toString())
            .put("token_endpoint", issuer().resolve("/token").toString())
            .put("registration_endpoint", issuer().resolve("/register").toString())
            .putArray("response_types_supported", List.of(Json.of("code")))
            .putArray("grant_types_supported", List.of(Json.of("authorization_code"), Json.of("refresh_token")))
            .putArray("code_challenge_methods_supported", List.of(Json.of("S256")))
            .putArray("token_endpoint_auth_methods_supported", List.of(Json.of("none")))
            .build());
        case "/register" -> register(exchange);
        case "/authorize" -> authorize(exchange);
        case "/token" -> token(exchange);
        default -> json(exchange, 404, Json.Obj.builder().put("error", "not_found").build());
      }
    }
  }

  private void register(HttpExchange exchange) throws IOException {
    Json.Obj request = CanonicalJson.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    List<String> redirects = new ArrayList<>();
    for (Json uri : request.array("redirect_uris")) redirects.add(((Json.Str) uri).value());
    if (redirects.isEmpty()) {
      json(exchange, 400, error("invalid_redirect_uri", "redirect_uris is required"));
      return;
    }
    Client client = new Client("client-" + token(8), List.copyOf(redirects));
    clients.put(client.id(), client);
    json(exchange, 201, Json.Obj.builder().put("client_id", client.id())
        .putArray("redirect_uris", redirects.stream().<Json>map(Json::of).toList())
        .put("token_endpoint_auth_method", "none").build());
  }

  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
    Client client = clients.get(q.getOrDefault("client_id", ""));
    String redirect = q.get("redirect_uri");
    if (client == null || redirect == null || !client.redirectUris().contains(redirect)) {
      json(exchange, 400, error("invalid_request", "unknown client or redirect_uri"));
      return;
    }
    if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
        || q.get("resource") == null) {
      json(exchange, 400, error("invalid_request", "response_type code, PKCE S256 and resource are required"));
      return;
    }
    String code = "code-" + token(16);
    codes.put(code, new Code(client.id(), redirect, q.get("code_challenge"), q.get("resource")));
    String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code) + "&state=" + enc(q.getOrDefault("state", ""));
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String grant = f.getOrDefault("grant_type", "");
    String forResource;
    if (grant.equals("authorization_code")) {
      Code code = codes.remove(f.getOrDefault("code", ""));
      if (code == null || !code.clientId().equals(f.get("client_id")) || !code.redirectUri().equals(f.get("redirect_uri"))) {
        json(exchange, 400, error("invalid_grant", "unknown code, or another client or redirect_uri"));
        return;
      }
      if (f.get("code_verifier") == null || !s256(f.get("code_verifier")).equals(code.challenge())) {
        json(exchange, 400, error("invalid_grant", "the code_verifier does not match the code_challenge"));
        return;
      }
      if (!code.resource().equals(f.get("resource"))) {
        json(exchange, 400, error("invalid_target", "the resource differs from the authorization request's"));
        return;
      }
      codeExchanges.incrementAndGet();
      forResource = code.resource();
    } else if (grant.equals("refresh_token")) {
      forResource = refreshTokens.remove(f.getOrDefault("refresh_token", ""));
      if (forResource == null) {
        json(exchange, 400, error("invalid_grant", "unknown refresh token"));
        return;
      }
      refreshes.incrementAndGet();
    } else {
      json(exchange, 400, error("unsupported_grant_type", grant));
      return;
    }
    String access = "at-" + token(24);
    String refresh = "rt-" + token(24);
    long lifetime = accessLifetimeSeconds;
    accessTokens.put(access, new Access(forResource, System.currentTimeMillis() + lifetime * 1000));
    refreshTokens.put(refresh, forResource);
    issued.add(access);
    issued.add(refresh);
    json(exchange, 200, Json.Obj.builder().put("access_token", access).put("token_type", "Bearer").put("expires_in", lifetime)
        .put("refresh_token", refresh).put("scope", "mcp:tools").build());
  }

  private static Json.Obj error(String code, String description) {
    return Json.Obj.builder().put("error", code).put("error_description", description).build();
  }

  private static void json(HttpExchange exchange, int status, Json.Obj body) throws IOException {
    byte[] bytes = CanonicalJson.writeUtf8(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> out = new HashMap<>();
    if (encoded == null || encoded.isEmpty()) return out;
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
