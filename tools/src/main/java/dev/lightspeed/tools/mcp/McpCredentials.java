package dev.lightspeed.tools.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.tools.mcp.oauth.OAuthClientInfo;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import dev.lightspeed.tools.mcp.oauth.OAuthTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The secrets of one catalog MCP server, in the clear: its header values and its OAuth login. They exist
 * in this form only between opening the sealed record and making a request; {@link #toString} names no secret.
 */
public record McpCredentials(Map<String, String> headers, Optional<OAuthGrant> oauth) {
  public static final McpCredentials NONE = new McpCredentials(Map.of(), Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper();

  public McpCredentials {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(oauth, "oauth");
  }

  public boolean isEmpty() {
    return headers.isEmpty() && oauth.isEmpty();
  }

  public McpCredentials withHeaders(Map<String, String> replaced) {
    return new McpCredentials(replaced, oauth);
  }

  public McpCredentials withOAuth(Optional<OAuthGrant> grant) {
    return new McpCredentials(headers, grant);
  }

  @Override
  public String toString() {
    return "McpCredentials[headers=" + new TreeMap<>(headers).keySet() + ", oauth=" + oauth.map(g -> "client " + g.client().clientId()).orElse("none") + "]";
  }

  /** {@return this as UTF-8 JSON, the plaintext that gets sealed} */
  byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode h = root.putObject("headers");
    new TreeMap<>(headers).forEach(h::put);
    oauth.ifPresent(g -> {
      ObjectNode o = root.putObject("oauth");
      o.put("issuer", g.issuer().toString());
      o.put("tokenEndpoint", g.tokenEndpoint().toString());
      o.put("resource", g.resource());
      g.scopes().forEach(o.putArray("scopes")::add);
      if (g.scopes().isEmpty()) o.putArray("scopes");
      ObjectNode c = o.putObject("client");
      c.put("clientId", g.client().clientId());
      g.client().clientSecret().ifPresent(s -> c.put("clientSecret", s));
      c.put("authMethod", g.client().authMethod());
      c.put("redirectUri", g.client().redirectUri());
      ObjectNode t = o.putObject("tokens");
      t.put("accessToken", g.tokens().accessToken());
      g.tokens().refreshToken().ifPresent(r -> t.put("refreshToken", r));
      g.tokens().expiresAtMs().ifPresent(e -> t.put("expiresAtMs", e));
      g.tokens().scope().ifPresent(s -> t.put("scope", s));
    });
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static McpCredentials fromJson(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new McpCredentialsException("the stored MCP credentials are not JSON", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    root.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
    Optional<OAuthGrant> grant = Optional.empty();
    JsonNode o = root.path("oauth");
    if (o.isObject()) {
      JsonNode c = o.path("client");
      JsonNode t = o.path("tokens");
      List<String> scopes = new ArrayList<>();
      o.path("scopes").forEach(s -> scopes.add(s.asText()));
      grant = Optional.of(new OAuthGrant(URI.create(o.path("issuer").asText()), URI.create(o.path("tokenEndpoint").asText()),
          o.path("resource").asText(), scopes,
          new OAuthClientInfo(c.path("clientId").asText(), text(c, "clientSecret"), c.path("authMethod").asText("none"),
              c.path("redirectUri").asText()),
          new OAuthTokens(t.path("accessToken").asText(), text(t, "refreshToken"),
              t.hasNonNull("expiresAtMs") ? OptionalLong.of(t.path("expiresAtMs").asLong()) : OptionalLong.empty(), text(t, "scope"))));
    }
    return new McpCredentials(headers, grant);
  }

  private static Optional<String> text(JsonNode node, String field) {
    return node.hasNonNull(field) ? Optional.of(node.path(field).asText()) : Optional.empty();
  }
}
