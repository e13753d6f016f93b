package dev.lightspeed.tools.mcp;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * MCP servers the model provider runs: each becomes one provider-native spec named {@code mcp__<server>}
 * (stored as {@code {"type":"native","apiKind":…,"definition":…}}, which the adapters send as is); the
 * provider's MCP output items are kept as opaque entries, never run by the harness.
 *
 * <ul>
 *   <li><b>OpenAI Responses</b>: the {@code mcp} tool ({@code server_label}, {@code server_url},
 *       {@code allowed_tools}, {@code require_approval: never}). A server with auth (an {@code Authorization:
 *       Bearer} header or an OAuth login) gets {@code "bearerTokenOf":"<server id>"} next to the definition,
 *       and the adapter puts the token, read just before each call, in the tool's {@code authorization};
 *       fixed headers other than that one are refused.
 *   <li><b>Anthropic Messages</b> (the MCP connector): an {@code mcp_toolset} tool (allowed tools as
 *       {@code default_config.enabled: false} plus one enabled {@code configs} entry each), and next to the
 *       definition an {@code mcpServer} member, {@code {"definition":{"type":"url","url":…,"name":…},
 *       "bearerTokenOf":"<server id>"}}, which the adapter sends in {@code mcp_servers}. The only credential
 *       the connector takes is a bearer token: a server with auth (an {@code Authorization: Bearer} header or an
 *       OAuth login) gets {@code bearerTokenOf}, and the worker reads the token just before each call (see
 *       {@link #bearerToken}); fixed headers other than that one are refused. The URL must be https.
 *   <li>Other API kinds (Chat Completions) have no provider-run MCP: the spec is refused, so the session's
 *       config is rejected; it is not silently run by the harness instead, which would connect from another
 *       network.
 * </ul>
 *
 * <p>Approval {@code always} is refused for every API kind: it needs approvals the harness cannot give yet.
 */
public final class McpProviderTools {
  /** The API kinds whose provider can run an MCP server. */
  public static final List<String> API_KINDS = List.of("openai:responses", "anthropic:messages");

  private McpProviderTools() {}

  /**
   * {@return the spec of provider-run {@code server} for a session of {@code apiKind}, stored in {@code universe}}
   *
   * @throws IllegalArgumentException saying why when this API kind or this server cannot be run by the provider
   */
  public static ToolSpec spec(McpServerSettings server, String apiKind, BlobStore blobs, UniverseId universe) {
    String at = "features.mcp: server \"" + server.serverId() + "\" (execution provider)";
    if (!API_KINDS.contains(apiKind)) {
      throw new IllegalArgumentException(at + " can be run by the provider only in OpenAI Responses and Anthropic Messages sessions, not "
          + apiKind + "; register it with execution harness");
    }
    if (server.approval() == McpServerSettings.Approval.ALWAYS) {
      throw new IllegalArgumentException(at + " asks for approval always, and approvals are not supported yet");
    }
    McpEndpoint.Http http = (McpEndpoint.Http) server.endpoint();
    Json.Obj.Builder spec = Json.Obj.builder().put("type", "native").put("apiKind", apiKind);
    if (apiKind.equals("openai:responses")) {
      spec.put("definition", openAi(server, http, at));
      if (!http.auth().none()) spec.put("bearerTokenOf", server.serverId());
    } else {
      anthropic(server, http, at, spec);
    }
    return new ToolSpec(McpToolNames.ofServer(server.serverId()), blobs.put(universe, CanonicalJson.writeUtf8(spec.build())),
        Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE);
  }

  /**
   * {@return the bearer token the provider is to send to {@code server} now: the value after {@code Bearer } of
   * the {@code Authorization} header its auth gives for the next request (an OAuth token about to expire is
   * refreshed first), or empty when it has no auth}
   *
   * @throws IllegalStateException when the auth gives other headers, which the provider cannot send
   * @throws RuntimeException from the auth when the credentials cannot be had (e.g. a login is needed), with a
   *     message saying what to do
   */
  public static Optional<String> bearerToken(McpServerSettings server) {
    if (!(server.endpoint() instanceof McpEndpoint.Http http) || http.auth().none()) return Optional.empty();
    Map<String, String> headers = http.auth().headers();
    if (!bearerOnly(headers)) {
      throw new IllegalStateException("MCP server \"" + server.serverId() + "\" authenticates with headers " + new TreeSet<>(headers.keySet())
          + ", but the provider can send it only a bearer token (Authorization: Bearer <token>); use execution harness");
    }
    return authorization(headers).flatMap(McpProviderTools::bearer);
  }

  private static Json.Obj openAi(McpServerSettings server, McpEndpoint.Http http, String at) {
    // Fixed headers are checked now; stored credentials (an OAuth login) only at each call, when they are opened.
    if (http.auth() instanceof McpHttpAuth.StaticHeaders fixed && !bearerOnly(fixed.headers())) {
      throw new IllegalArgumentException(at + " has headers other than Authorization: Bearer <token>, and only a bearer token is"
          + " handed to the provider (as the mcp tool's authorization); use execution harness");
    }
    Json.Obj.Builder definition = Json.Obj.builder()
        .put("type", "mcp")
        .put("server_label", server.label())
        .put("server_url", http.url().toString());
    server.allowedTools().ifPresent(tools -> definition.putArray("allowed_tools", tools.stream().<Json>map(Json::of).toList()));
    definition.put("require_approval", "never");
    return definition.build();
  }

  private static void anthropic(McpServerSettings server, McpEndpoint.Http http, String at, Json.Obj.Builder spec) {
    if (!"https".equals(http.url().getScheme())) {
      throw new IllegalArgumentException(at + " is at " + http.url() + ", but Anthropic's MCP connector reaches only https URLs;"
          + " use execution harness");
    }
    // Fixed headers are checked now; stored credentials (an OAuth login) only at each call, when they are opened.
    if (http.auth() instanceof McpHttpAuth.StaticHeaders fixed && !bearerOnly(fixed.headers())) {
      throw new IllegalArgumentException(at + " has headers other than Authorization: Bearer <token>, and Anthropic's MCP connector"
          + " sends only a bearer token; use execution harness");
    }
    Json.Obj.Builder toolset = Json.Obj.builder().put("type", "mcp_toolset").put("mcp_server_name", server.label());
    server.allowedTools().ifPresent(tools -> {
      toolset.put("default_config", Json.Obj.builder().put("enabled", false).build());
      Json.Obj.Builder configs = Json.Obj.builder();
      for (String tool : tools) configs.put(tool, Json.Obj.builder().put("enabled", true).build());
      toolset.put("configs", configs.build());
    });
    Json.Obj.Builder mcpServer = Json.Obj.builder().put("definition", Json.Obj.builder()
        .put("type", "url").put("url", http.url().toString()).put("name", server.label()).build());
    if (!http.auth().none()) mcpServer.put("bearerTokenOf", server.serverId());
    spec.put("definition", toolset.build()).put("mcpServer", mcpServer.build());
  }

  /** {@return whether {@code headers} are none, or only an {@code Authorization: Bearer <token>}} */
  private static boolean bearerOnly(Map<String, String> headers) {
    Optional<String> authorization = authorization(headers);
    return authorization.isEmpty() ? headers.isEmpty() : headers.size() == 1 && authorization.flatMap(McpProviderTools::bearer).isPresent();
  }

  private static Optional<String> authorization(Map<String, String> headers) {
    return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Authorization")).map(Map.Entry::getValue).findFirst();
  }

  private static Optional<String> bearer(String authorization) {
    String value = authorization.strip();
    if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return Optional.empty();
    String token = value.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
