package dev.lightspeed.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerLoginView;
import dev.lightspeed.api.mcp.McpServerStatus;
import dev.lightspeed.api.mcp.McpServerView;
import dev.lightspeed.api.mcp.RemoteMcpApprovalPolicy;
import dev.lightspeed.api.mcp.RemoteMcpTransport;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.StoredMcpServer;
import dev.lightspeed.tools.mcp.McpEndpoint;
import dev.lightspeed.tools.mcp.McpHttpAuth;
import dev.lightspeed.tools.mcp.McpServerSettings;
import dev.lightspeed.tools.mcp.StoredMcpAuth;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of a catalog record: what {@code mcp/servers/put} accepts (with the contract's defaults filled in),
 * what clients see of it, and what the harness connects to.
 */
final class McpServerRecords {
  static final String HARNESS = "harness";
  static final String PROVIDER = "provider";
  static final String STDIO_SCHEME = "stdio:";
  static final String OPTIONAL_OAUTH = "optionalOAuth";
  static final String REQUIRED_OAUTH = "requiredOAuth";
  /** The member of a stored document that lists the header names; their values are sealed in the credential store. */
  static final String HEADER_NAMES = "headerNames";

  private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "connection", "upgrade", "expect",
      "transfer-encoding", "content-type", "accept", "mcp-session-id", "mcp-protocol-version");

  private McpServerRecords() {}

  /**
   * {@return {@code input} checked and completed with the contract's defaults}
   *
   * @param localCommands whether servers started as local commands (stdio) are allowed
   * @throws RpcException invalid params, naming the member, when the record is not one this server can use
   */
  static McpServerInput normalize(McpServerInput input, boolean localCommands) {
    String id = input.serverId();
    if (!SERVER_ID.matcher(id).matches()) {
      throw invalid("server.serverId \"" + id + "\" must be 1 to 64 letters, digits, _ or -, starting with a letter or digit");
    }
    if (input.defaultServerLabel().isBlank()) throw invalid("server.defaultServerLabel must not be blank");
    String execution = input.execution() == null ? HARNESS : input.execution();
    if (!execution.equals(HARNESS) && !execution.equals(PROVIDER)) {
      throw invalid("server.execution \"" + execution + "\" is not harness or provider");
    }
    RemoteMcpTransport transport = input.transport() == null ? RemoteMcpTransport.AUTO : input.transport();
    if (transport == RemoteMcpTransport.SSE) throw invalid("server.transport sse is not supported; use streamableHttp or auto");
    if (input.command() != null) {
      if (!localCommands) {
        throw invalid("server.command: local (stdio) MCP servers run commands on this machine and are allowed only in embedded mode");
      }
      if (execution.equals(PROVIDER)) throw invalid("server.command: a local (stdio) server cannot be run by the provider; use execution harness");
      if (input.command().isEmpty() || input.command().getFirst().isBlank()) throw invalid("server.command must name a program");
      if (!input.serverUrl().startsWith(STDIO_SCHEME)) {
        throw invalid("server.serverUrl of a local (stdio) server must be \"stdio:<name>\", not \"" + input.serverUrl() + "\"");
      }
    } else {
      if (input.serverUrl().startsWith(STDIO_SCHEME)) throw invalid("server.serverUrl \"" + input.serverUrl() + "\" needs server.command");
      httpUrl(input.serverUrl());
    }
    ObjectNode auth = input.authPolicy() == null ? (ObjectNode) ApiJson.mapper().createObjectNode().put("type", "none") : input.authPolicy().deepCopy();
    String authType = auth.path("type").asText("");
    Map<String, String> headers = input.headers() == null ? Map.of() : input.headers();
    switch (authType) {
      case "none", "optionalBearer" -> {}
      case "requiredBearer" -> {
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Authorization"))) {
          throw invalid("server.authPolicy requiredBearer needs the token as server.headers.Authorization (\"Bearer <token>\")");
        }
      }
      case OPTIONAL_OAUTH, REQUIRED_OAUTH -> oauthPolicy(auth, input, headers);
      default -> throw invalid("server.authPolicy.type \"" + authType + "\" is not none, optionalBearer, requiredBearer, optionalOAuth or requiredOAuth");
    }
    if (input.credential() != null) throw invalid("server.credential (auth grants) is not supported yet; send the token in server.headers");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      if (!HEADER_NAME.matcher(h.getKey()).matches()) throw invalid("server.headers: \"" + h.getKey() + "\" is not a valid header name");
      if (RESERVED_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        throw invalid("server.headers: " + h.getKey() + " is set by the MCP client and cannot be configured");
      }
      if (h.getValue() == null || h.getValue().indexOf('\r') >= 0 || h.getValue().indexOf('\n') >= 0) {
        throw invalid("server.headers." + h.getKey() + " must be a single-line string");
      }
    }
    if (input.allowedTools() != null) {
      for (int i = 0; i < input.allowedTools().size(); i++) {
        if (input.allowedTools().get(i).isBlank()) throw invalid("server.allowedTools[" + i + "] must not be blank");
      }
    }
    return new McpServerInput(id, input.serverUrl(), input.defaultServerLabel(), input.displayName(), input.description(), transport,
        input.allowedTools(), input.approvalDefault() == null ? RemoteMcpApprovalPolicy.NEVER : input.approvalDefault(), auth, null,
        input.deferLoadingDefault(), input.status() == null ? McpServerStatus.ACTIVE : input.status(), execution,
        headers.isEmpty() ? null : headers, input.command());
  }

  /** Checks an OAuth policy and fills in its defaults: the resource is the server URL unless given. */
  private static void oauthPolicy(ObjectNode auth, McpServerInput input, Map<String, String> headers) {
    String type = auth.path("type").asText();
    if (input.command() != null) throw invalid("server.authPolicy " + type + " needs a remote (http) server, not a local command");
    if (headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))) {
      throw invalid("server.headers.Authorization cannot be set with authPolicy " + type + ": the login supplies it");
    }
    if (!auth.hasNonNull("resource") || auth.path("resource").asText().isBlank()) auth.put("resource", input.serverUrl());
    if (!auth.path("resource").isTextual()) throw invalid("server.authPolicy.resource must be a string");
    for (String member : List.of("authorization_server", "protected_resource_metadata_url")) {
      if (auth.hasNonNull(member)) httpUrl(auth.path(member).asText(), "server.authPolicy." + member);
    }
    JsonNode scopes = auth.path("scopes_default");
    if (!scopes.isMissingNode() && !scopes.isNull()) {
      if (!scopes.isArray()) throw invalid("server.authPolicy.scopes_default must be an array of strings");
      for (int i = 0; i < scopes.size(); i++) {
        if (!scopes.get(i).isTextual() || scopes.get(i).asText().isBlank()) throw invalid("server.authPolicy.scopes_default[" + i + "] must be a scope");
      }
    }
  }

  /** {@return whether {@code input}'s policy is one with an OAuth login} */
  static boolean oauth(McpServerInput input) {
    String type = input.authPolicy() == null ? "none" : input.authPolicy().path("type").asText();
    return type.equals(OPTIONAL_OAUTH) || type.equals(REQUIRED_OAUTH);
  }

  /** {@return whether a login made for {@code before} still fits {@code after}: the same URL and OAuth policy} */
  static boolean sameLoginTarget(McpServerInput before, McpServerInput after) {
    return oauth(before) && oauth(after) && before.serverUrl().equals(after.serverUrl()) && before.authPolicy().equals(after.authPolicy());
  }

  /** {@return the document stored for {@code normalized}: header names only, their values go to the credential store} */
  static Json.Obj document(McpServerInput normalized) {
    ObjectNode tree = (ObjectNode) ApiJson.toTree(normalized);
    tree.remove("headers");
    if (normalized.headers() != null) {
      ArrayNode names = tree.putArray(HEADER_NAMES);
      new TreeMap<>(normalized.headers()).keySet().forEach(names::add);
    }
    return EngineJson.fromTree(tree);
  }

  /** {@return the names of the headers of {@code stored} (records written before sealing kept the values inline)} */
  static List<String> headerNames(StoredMcpServer stored) {
    McpServerInput in = input(stored);
    if (in.headers() != null) return new ArrayList<>(new TreeMap<>(in.headers()).keySet());
    if (!stored.document().has(HEADER_NAMES)) return List.of();
    return stored.document().array(HEADER_NAMES).stream().map(n -> ((Json.Str) n).value()).toList();
  }

  static McpServerInput input(StoredMcpServer stored) {
    return ApiJson.mapper().convertValue(EngineJson.toTree(stored.document()), McpServerInput.class);
  }

  /** {@return what clients see: the record without header values, its login state (no secret), and its bookkeeping} */
  static McpServerView view(StoredMcpServer stored, McpLoginViews logins) {
    McpServerInput in = input(stored);
    return new McpServerView(in.serverId(), in.serverUrl(), in.transport(), in.defaultServerLabel(), in.displayName(), in.description(),
        in.allowedTools(), in.approvalDefault(), in.authPolicy(), in.credential(), in.deferLoadingDefault(), in.status(),
        stored.revision(), stored.createdAtMs(), stored.updatedAtMs(), in.execution(), headerNames(stored), in.command(),
        oauth(in) ? logins.of(in.serverId()) : null);
  }

  /** The login state of servers by id, for views. */
  @FunctionalInterface
  interface McpLoginViews {
    McpServerLoginView of(String serverId);
  }

  /**
   * {@return what sessions connect to (or have the provider connect to), or empty when they cannot use the
   * server (not active, or a local command where those are not allowed)}
   */
  static Optional<McpServerSettings> settings(UniverseId universe, StoredMcpServer stored, boolean localCommands, McpSecrets secrets) {
    McpServerInput in = input(stored);
    if (in.status() != McpServerStatus.ACTIVE) return Optional.empty();
    McpEndpoint endpoint;
    if (in.command() != null) {
      if (!localCommands) return Optional.empty();
      endpoint = new McpEndpoint.Stdio(in.command());
    } else if (in.headers() != null) {
      endpoint = new McpEndpoint.Http(URI.create(in.serverUrl()), in.headers()); // a record from before secrets were sealed
    } else if (oauth(in) || !headerNames(stored).isEmpty()) {
      // the secrets stay sealed until a request is about to be sent
      endpoint = new McpEndpoint.Http(URI.create(in.serverUrl()), new StoredMcpAuth(universe, in.serverId(), stored.revision(),
          REQUIRED_OAUTH.equals(in.authPolicy().path("type").asText()), secrets.vault(), secrets.oauth(), secrets.clock()));
    } else {
      endpoint = new McpEndpoint.Http(URI.create(in.serverUrl()), McpHttpAuth.NONE);
    }
    McpServerSettings.Approval approval = in.approvalDefault() == RemoteMcpApprovalPolicy.ALWAYS
        ? McpServerSettings.Approval.ALWAYS : McpServerSettings.Approval.NEVER;
    McpServerSettings.Execution execution = PROVIDER.equals(in.execution()) ? McpServerSettings.Execution.PROVIDER
        : McpServerSettings.Execution.HARNESS;
    return Optional.of(new McpServerSettings(in.serverId(), in.defaultServerLabel(), endpoint, execution,
        Optional.ofNullable(in.allowedTools()), approval));
  }

  private static URI httpUrl(String text) {
    return httpUrl(text, "server.serverUrl");
  }

  private static URI httpUrl(String text, String member) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(member + " \"" + text + "\" is not a URL: " + e.getReason());
    }
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
      throw invalid(member + " \"" + text + "\" must be an absolute http or https URL"
          + (member.equals("server.serverUrl") ? " (or stdio:<name> with server.command)" : ""));
    }
    return url;
  }

  private static RpcException invalid(String message) {
    return RpcException.invalidParams(message);
  }
}
