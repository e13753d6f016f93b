package dev.lightspeed.tools.mcp.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the authorization server of an MCP server as the MCP authorization spec describes: an unauthenticated
 * request whose 401 names the protected resource metadata ({@code WWW-Authenticate: Bearer resource_metadata=…},
 * RFC 9728), else that metadata at {@code /.well-known/oauth-protected-resource}; then the authorization
 * server's own metadata (RFC 8414 {@code /.well-known/oauth-authorization-server}, or OpenID Connect
 * discovery). A server publishing no metadata at all is taken to be its own authorization server with the
 * default {@code /authorize}, {@code /token} and {@code /register} endpoints.
 */
public final class OAuthDiscovery {
  /** What a login needs: the resource to ask tokens for, its authorization server, and the scopes to request. */
  public record Result(String resource, AuthorizationServer server, List<String> scopes) {
    public Result {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(server, "server");
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * Settings that skip steps of discovery.
   *
   * @param resourceMetadata the protected resource metadata URL, when known
   * @param authorizationServer the authorization server's issuer URL, when known
   * @param scopes the scopes to request; empty: those the server suggests
   */
  public record Hints(Optional<URI> resourceMetadata, Optional<URI> authorizationServer, List<String> scopes) {
    public static final Hints NONE = new Hints(Optional.empty(), Optional.empty(), List.of());

    public Hints {
      Objects.requireNonNull(resourceMetadata, "resourceMetadata");
      Objects.requireNonNull(authorizationServer, "authorizationServer");
      scopes = List.copyOf(scopes);
    }
  }

  private static final Pattern AUTH_PARAM = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]*))");

  private final OAuthHttp http;

  public OAuthDiscovery(HttpClient http) {
    this.http = new OAuthHttp(Objects.requireNonNull(http, "http"));
  }

  /**
   * {@return the authorization server of the MCP server at {@code serverUrl} and what to ask it for}
   *
   * @throws OAuthException naming what was tried, when no authorization server can be found
   */
  public Result discover(URI serverUrl, Hints hints) {
    Map<String, String> challenge = Map.of();
    Optional<URI> resourceMetadataUrl = hints.resourceMetadata();
    if (resourceMetadataUrl.isEmpty()) {
      challenge = challenge(serverUrl);
      resourceMetadataUrl = Optional.ofNullable(challenge.get("resource_metadata")).map(URI::create);
    }
    Optional<ObjectNode> resourceMetadata = resourceMetadataUrl.isPresent()
        ? http.getJson(resourceMetadataUrl.get(), "read the protected resource metadata")
        : firstJson(wellKnown(serverUrl, "oauth-protected-resource"), "read the protected resource metadata");
    if (resourceMetadataUrl.isPresent() && resourceMetadata.isEmpty()) {
      throw new OAuthException("the protected resource metadata at " + resourceMetadataUrl.get() + " cannot be read");
    }
    String resource = resourceMetadata.map(m -> m.path("resource").asText(null)).orElse(null);
    if (resource == null) resource = canonical(serverUrl);

    Optional<URI> issuer = hints.authorizationServer()
        .or(() -> resourceMetadata.flatMap(m -> first(m.path("authorization_servers"))).map(URI::create));
    AuthorizationServer server;
    if (issuer.isPresent()) {
      ObjectNode metadata = firstJson(authorizationServerMetadata(issuer.get()), "read the authorization server metadata")
          .orElseThrow(() -> new OAuthException("the authorization server " + issuer.get() + " publishes no metadata at "
              + authorizationServerMetadata(issuer.get())));
      server = parse(metadata, issuer.get());
    } else {
      URI origin = URI.create(serverUrl.getScheme() + "://" + serverUrl.getRawAuthority());
      server = firstJson(authorizationServerMetadata(origin), "read the authorization server metadata")
          .map(m -> parse(m, origin))
          .orElseGet(() -> new AuthorizationServer(origin, origin.resolve("/authorize"), origin.resolve("/token"),
              Optional.of(origin.resolve("/register")), List.of(Pkce.METHOD), List.of("none")));
    }
    if (!server.codeChallengeMethods().isEmpty() && !server.codeChallengeMethods().contains(Pkce.METHOD)) {
      throw new OAuthException("the authorization server " + server.issuer() + " does not support PKCE with S256 (it offers "
          + server.codeChallengeMethods() + ")");
    }
    List<String> scopes = hints.scopes();
    if (scopes.isEmpty() && challenge.containsKey("scope")) scopes = split(challenge.get("scope"));
    if (scopes.isEmpty()) scopes = resourceMetadata.map(m -> strings(m.path("scopes_supported"))).orElse(List.of());
    return new Result(resource, server, scopes);
  }

  /** {@return the parameters of the Bearer challenge an unauthenticated request gets, or none when it is let in} */
  private Map<String, String> challenge(URI serverUrl) {
    String initialize = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"lightspeed\",\"version\":\"1\"}}}";
    OAuthHttp.Reply reply = http.send(HttpRequest.newBuilder(serverUrl).timeout(OAuthHttp.TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(initialize)).build(), "reach the MCP server");
    if (reply.status() != 401 || reply.wwwAuthenticate().isEmpty()) return Map.of();
    return authParams(reply.wwwAuthenticate().get());
  }

  /** {@return the parameters of a {@code WWW-Authenticate} challenge, e.g. {@code resource_metadata} and {@code scope}} */
  static Map<String, String> authParams(String header) {
    Map<String, String> params = new LinkedHashMap<>();
    Matcher m = AUTH_PARAM.matcher(header);
    while (m.find()) params.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3));
    return params;
  }

  private Optional<ObjectNode> firstJson(List<URI> candidates, String what) {
    for (URI candidate : candidates) {
      Optional<ObjectNode> found = http.getJson(candidate, what);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  /** {@return the well-known URLs of {@code suffix} for {@code url}: with its path inserted, then at the root} */
  static List<URI> wellKnown(URI url, String suffix) {
    String origin = url.getScheme() + "://" + url.getRawAuthority();
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    List<URI> candidates = new ArrayList<>();
    if (!path.isEmpty()) candidates.add(URI.create(origin + "/.well-known/" + suffix + path));
    candidates.add(URI.create(origin + "/.well-known/" + suffix));
    return candidates;
  }

  static List<URI> authorizationServerMetadata(URI issuer) {
    String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath().replaceAll("/+$", "");
    if (path.isEmpty()) {
      return List.of(URI.create(origin + "/.well-known/oauth-authorization-server"), URI.create(origin + "/.well-known/openid-configuration"));
    }
    return List.of(URI.create(origin + "/.well-known/oauth-authorization-server" + path), URI.create(origin + "/.well-known/openid-configuration" + path),
        URI.create(origin + path + "/.well-known/openid-configuration"));
  }

  private static AuthorizationServer parse(ObjectNode m, URI issuer) {
    String authorize = m.path("authorization_endpoint").asText(null);
    String token = m.path("token_endpoint").asText(null);
    if (authorize == null || token == null) {
      throw new OAuthException("the metadata of the authorization server " + issuer + " lacks authorization_endpoint or token_endpoint");
    }
    return new AuthorizationServer(URI.create(m.path("issuer").asText(issuer.toString())), URI.create(authorize), URI.create(token),
        Optional.ofNullable(m.path("registration_endpoint").asText(null)).map(URI::create), strings(m.path("code_challenge_methods_supported")),
        strings(m.path("token_endpoint_auth_methods_supported")));
  }

  /** {@return {@code url} as a resource indicator: no fragment, and no trailing slash on an empty path} */
  static String canonical(URI url) {
    String text = url.toString();
    int hash = text.indexOf('#');
    if (hash >= 0) text = text.substring(0, hash);
    return text;
  }

  private static Optional<String> first(JsonNode array) {
    return array.isArray() && !array.isEmpty() ? Optional.of(array.get(0).asText()) : Optional.empty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> split(String scopes) {
    return scopes.isBlank() ? List.of() : List.of(scopes.trim().split("\\s+"));
  }
}
