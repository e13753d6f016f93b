package dev.lightspeed.server.mcp;

import dev.lightspeed.api.Methods;
import dev.lightspeed.api.mcp.McpServerDeleteParams;
import dev.lightspeed.api.mcp.McpServerDeleteResponse;
import dev.lightspeed.api.mcp.McpServerInput;
import dev.lightspeed.api.mcp.McpServerListParams;
import dev.lightspeed.api.mcp.McpServerListResponse;
import dev.lightspeed.api.mcp.McpServerLoginCompleteParams;
import dev.lightspeed.api.mcp.McpServerLoginCompleteResponse;
import dev.lightspeed.api.mcp.McpServerLoginStartParams;
import dev.lightspeed.api.mcp.McpServerLoginView;
import dev.lightspeed.api.mcp.McpServerPutParams;
import dev.lightspeed.api.mcp.McpServerPutResponse;
import dev.lightspeed.api.mcp.McpServerReadParams;
import dev.lightspeed.api.mcp.McpServerReadResponse;
import dev.lightspeed.api.mcp.McpServerView;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpServerConflictException;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import dev.lightspeed.tools.mcp.McpCredentialVault;
import dev.lightspeed.tools.mcp.McpCredentials;
import dev.lightspeed.tools.mcp.McpCredentialsException;
import dev.lightspeed.tools.mcp.oauth.OAuthGrant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code mcp/servers/put|read|list|delete}: the universe's MCP server catalog, and (beyond the contract)
 * {@code mcp/servers/login/start|complete}, the OAuth login of a server. A put replaces the whole record
 * (checked against {@code expectedRevision} when the server exists); sessions that link the server see the
 * change when their tools are next derived (a config change or the next run). Header values and tokens are
 * sealed into the credential store and never returned; a login survives puts that keep the URL and policy.
 */
public final class McpMethods {
  private final UniverseId universe;
  private final McpServerStore store;
  private final McpSecrets secrets;
  private final McpLogins logins;
  private final boolean localCommands;
  private final InstantSource clock;

  /** @param localCommands whether local (stdio) servers may be registered: embedded mode only */
  public McpMethods(UniverseId universe, McpServerStore store, McpSecrets secrets, boolean localCommands, InstantSource clock) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.store = Objects.requireNonNull(store, "store");
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.localCommands = localCommands;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.logins = new McpLogins(secrets, clock);
  }

  public void register(MethodTable.Builder table) {
    table.on(Methods.MCP_SERVERS_PUT, McpServerPutParams.class, this::put)
        .on(Methods.MCP_SERVERS_READ, McpServerReadParams.class, p -> new McpServerReadResponse(view(find(p.serverId()))))
        .on(Methods.MCP_SERVERS_LIST, McpServerListParams.class, this::list)
        .on(Methods.MCP_SERVERS_DELETE, McpServerDeleteParams.class, this::delete)
        .on(Methods.MCP_SERVERS_LOGIN_START, McpServerLoginStartParams.class, p -> logins.start(universe, find(p.serverId()), p))
        .on(Methods.MCP_SERVERS_LOGIN_COMPLETE, McpServerLoginCompleteParams.class, this::complete);
  }

  private McpServerPutResponse put(McpServerPutParams params) {
    McpServerInput server = McpServerRecords.normalize(params.server(), localCommands);
    Map<String, String> headers = server.headers() == null ? Map.of() : server.headers();
    McpCredentialVault vault = secrets.vault();
    if (!headers.isEmpty() && !vault.canSeal()) throw RpcException.rejected(McpCredentialVault.missingKey("server.headers (stored sealed)"));
    OptionalLong expected = params.expectedRevision() == null ? OptionalLong.empty() : OptionalLong.of(params.expectedRevision());
    synchronized (vault.lock(universe, server.serverId())) {
      Optional<StoredMcpServer> current = store.find(universe, server.serverId());
      StoredMcpServer stored;
      try {
        stored = store.put(universe, server.serverId(), McpServerRecords.document(server), expected, clock.millis());
      } catch (McpServerConflictException e) {
        throw RpcException.of(ErrorKind.CONFLICT, e.getMessage() + ": someone else changed it; read it again and retry");
      }
      boolean keepLogin = current.isPresent() && McpServerRecords.sameLoginTarget(McpServerRecords.input(current.get()), server);
      McpCredentials kept = keepLogin ? readQuietly(server.serverId()).orElse(McpCredentials.NONE) : McpCredentials.NONE;
      vault.write(universe, server.serverId(), new McpCredentials(headers, kept.oauth()));
      return new McpServerPutResponse(view(stored));
    }
  }

  private McpServerLoginCompleteResponse complete(McpServerLoginCompleteParams params) {
    McpLogins.Started started = logins.take(universe, params);
    OAuthGrant grant = logins.exchange(started, params.code());
    McpCredentialVault vault = secrets.vault();
    synchronized (vault.lock(universe, params.serverId())) {
      StoredMcpServer now = find(params.serverId());
      if (!McpServerRecords.sameLoginTarget(started.server(), McpServerRecords.input(now))) {
        throw RpcException.of(ErrorKind.CONFLICT, "MCP server \"" + params.serverId()
            + "\" changed its URL or auth policy during the login; run lightspeed mcp login " + params.serverId() + " again");
      }
      McpCredentials current = readQuietly(params.serverId()).orElse(McpCredentials.NONE);
      vault.write(universe, params.serverId(), current.withOAuth(Optional.of(grant)));
      return new McpServerLoginCompleteResponse(view(now));
    }
  }

  private McpServerListResponse list(McpServerListParams params) {
    return new McpServerListResponse(store.list(universe).stream()
        .map(this::view)
        .filter(v -> params.status() == null || v.status() == params.status())
        .toList());
  }

  private McpServerDeleteResponse delete(McpServerDeleteParams params) {
    synchronized (secrets.vault().lock(universe, params.serverId())) {
      StoredMcpServer removed = store.delete(universe, params.serverId()).orElseThrow(() -> notFound(params.serverId()));
      McpServerView view = view(removed);
      secrets.vault().delete(universe, params.serverId());
      return new McpServerDeleteResponse(view);
    }
  }

  private McpServerView view(StoredMcpServer stored) {
    return McpServerRecords.view(stored, this::login);
  }

  /** {@return the login state of {@code serverId}, without a secret} */
  private McpServerLoginView login(String serverId) {
    Optional<OAuthGrant> grant;
    try {
      grant = secrets.vault().read(universe, serverId).flatMap(McpCredentials::oauth);
    } catch (McpCredentialsException e) {
      return new McpServerLoginView("unreadable", null, null, null, null, e.getMessage());
    }
    return grant.map(g -> new McpServerLoginView("loggedIn", g.issuer().toString(), g.scopes(),
            g.tokens().expiresAtMs().isPresent() ? g.tokens().expiresAtMs().getAsLong() : null, g.tokens().refreshToken().isPresent(), null))
        .orElseGet(() -> new McpServerLoginView("loggedOut", null, null, null, null, null));
  }

  /** {@return the stored credentials, or empty when there are none or they cannot be opened (they are then replaced)} */
  private Optional<McpCredentials> readQuietly(String serverId) {
    try {
      return secrets.vault().read(universe, serverId);
    } catch (McpCredentialsException e) {
      return Optional.empty();
    }
  }

  private StoredMcpServer find(String serverId) {
    return store.find(universe, serverId).orElseThrow(() -> notFound(serverId));
  }

  private static RpcException notFound(String serverId) {
    return RpcException.notFound("MCP server \"" + serverId + "\" is not in the catalog; mcp/servers/list shows the registered servers");
  }
}
