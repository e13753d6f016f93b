package dev.lightspeed.server;

import dev.lightspeed.api.Protocol;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.runtime.temporal.SessionClient;
import dev.lightspeed.server.blobs.BlobMethods;
import dev.lightspeed.server.context.ContextMethods;
import dev.lightspeed.server.events.AppendSignal;
import dev.lightspeed.server.events.EventMethods;
import dev.lightspeed.server.events.EventReader;
import dev.lightspeed.server.health.HealthEndpoints;
import dev.lightspeed.server.input.Inputs;
import dev.lightspeed.server.live.LiveHub;
import dev.lightspeed.server.live.StreamEndpoint;
import dev.lightspeed.server.mcp.McpMethods;
import dev.lightspeed.server.mcp.McpSecrets;
import dev.lightspeed.server.models.ModelMethods;
import dev.lightspeed.server.profile.ProfileMethods;
import dev.lightspeed.server.profile.Profiles;
import dev.lightspeed.server.projection.Projections;
import dev.lightspeed.server.rpc.InitializeMethod;
import dev.lightspeed.server.rpc.MethodTable;
import dev.lightspeed.server.rpc.RpcEndpoint;
import dev.lightspeed.server.run.RunMethods;
import dev.lightspeed.server.session.DisplayNames;
import dev.lightspeed.server.session.SessionMethods;
import dev.lightspeed.server.session.Sessions;
import dev.lightspeed.server.skills.SkillCatalog;
import dev.lightspeed.server.skills.SkillMethods;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.server.vfs.VfsCatalog;
import dev.lightspeed.server.vfs.VfsMethods;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.profile.ProfileStore;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.WorkspaceStore;
import io.javalin.Javalin;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The HTTP face of the server: {@code POST /rpc} (JSON-RPC), {@code GET /sessions/{id}/stream} (live
 * events), {@code GET /health} and {@code GET /ready}, on Javalin with virtual threads. It reads sessions
 * from the store and writes only through the session workflows, so any number of gateways can front the
 * same store and Temporal. Create with {@link #create}, then {@link #start}; port 0 picks a free port.
 */
public final class Gateway implements AutoCloseable {
  /** Idle time after which Jetty drops a connection; above the longest long-poll so none is cut. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(65);
  /** How long {@link #close} lets calls in flight finish before it closes their connections. */
  static final Duration DRAIN = Duration.ofSeconds(5);

  /**
   * What the gateway is built from.
   *
   * @param log the session log, ideally a {@link dev.lightspeed.server.events.NotifyingSessionLog} that
   *     {@code appends} hears from, so long-polls wake at once
   * @param defaultModel the {@code model} section given to session configs that name none
   * @param checks the readiness checks by name, reported in this order
   * @param mcpServers the MCP server catalog ({@code mcp/servers/*})
   * @param mcpSecrets where the catalog servers' header values and OAuth logins are sealed
   * @param localMcpServers whether local (stdio) MCP servers may be registered: only where the server runs
   *     on the user's own machine (embedded mode)
   */
  public record Parts(
      UniverseId universe,
      SessionLog log,
      BlobStore blobs,
      Snapshots snapshots,
      WorkspaceStore workspaces,
      ProfileStore profiles,
      SessionClient client,
      DisplayNames names,
      ToolCatalog tools,
      Json.Obj defaultModel,
      ModelMethods models,
      AppendSignal appends,
      LiveHub live,
      Map<String, HealthEndpoints.Check> checks,
      McpServerStore mcpServers,
      McpSecrets mcpSecrets,
      boolean localMcpServers) {
    public Parts {
      Objects.requireNonNull(universe, "universe");
      Objects.requireNonNull(log, "log");
      Objects.requireNonNull(blobs, "blobs");
      Objects.requireNonNull(snapshots, "snapshots");
      Objects.requireNonNull(workspaces, "workspaces");
      Objects.requireNonNull(profiles, "profiles");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(names, "names");
      Objects.requireNonNull(tools, "tools");
      Objects.requireNonNull(defaultModel, "defaultModel");
      Objects.requireNonNull(mcpServers, "mcpServers");
      Objects.requireNonNull(mcpSecrets, "mcpSecrets");
      Objects.requireNonNull(models, "models");
      Objects.requireNonNull(appends, "appends");
      Objects.requireNonNull(live, "live");
      checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }
  }

  private final MethodTable methods;
  private final StreamEndpoint stream;
  private final HealthEndpoints health;
  private final AppendSignal appends;
  private final RpcEndpoint rpc;
  private Javalin app;

  private Gateway(MethodTable methods, StreamEndpoint stream, HealthEndpoints health, AppendSignal appends) {
    this.methods = methods;
    this.stream = stream;
    this.health = health;
    this.appends = appends;
    this.rpc = new RpcEndpoint(methods);
  }

  /** {@return a gateway over {@code parts}, not yet listening} */
  public static Gateway create(Parts parts) {
    Sessions sessions = new Sessions(parts.universe(), parts.log(), new Projections(parts.log()), parts.client());
    Inputs inputs = new Inputs(parts.blobs());
    EventReader reader = new EventReader(sessions);
    Profiles profiles = new Profiles(parts.universe(), parts.profiles(), parts.blobs(), parts.defaultModel());
    SessionMethods sessionMethods = new SessionMethods(sessions, parts.names(), parts.tools(), parts.defaultModel(), parts.blobs(), profiles);
    MethodTable.Builder table = MethodTable.builder();
    new InitializeMethod(version()).register(table);
    sessionMethods.register(table);
    new RunMethods(sessions, inputs, new VfsCatalog(parts.blobs(), parts.snapshots(), parts.workspaces())).register(table);
    new SkillMethods(sessions, new SkillCatalog(parts.blobs(), parts.snapshots(), parts.workspaces()), parts.blobs()).register(table);
    new EventMethods(sessions, reader, parts.appends()).register(table);
    new ContextMethods(sessions, inputs, sessionMethods, parts.appends()).register(table);
    new BlobMethods(parts.universe(), parts.blobs()).register(table);
    new VfsMethods(parts.universe(), parts.snapshots(), parts.workspaces()).register(table);
    new ProfileMethods(profiles, sessions, sessionMethods).register(table);
    parts.models().register(table);
    new McpMethods(parts.universe(), parts.mcpServers(), parts.mcpSecrets(), parts.localMcpServers(), InstantSource.system()).register(table);
    return new Gateway(table.build(), new StreamEndpoint(sessions, reader, parts.appends(), parts.live()),
        new HealthEndpoints(parts.checks()), parts.appends());
  }

  /** {@return the methods this gateway serves} */
  public MethodTable methods() {
    return methods;
  }

  /**
   * Starts listening on {@code address}.
   *
   * @throws IllegalStateException when already started
   * @throws io.javalin.util.JavalinBindException when the address is taken
   */
  public synchronized Gateway start(HostPort address) {
    if (app != null) throw new IllegalStateException("gateway already started");
    app = Javalin.create(cfg -> {
      cfg.concurrency.useVirtualThreads = true;
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = RpcEndpoint.MAX_BODY_BYTES;
      cfg.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(address.host());
        connector.setPort(address.port());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
      });
      cfg.routes.post(Protocol.ENDPOINT, rpc);
      cfg.routes.get("/sessions/{id}/stream", stream);
      cfg.routes.get("/health", health::health);
      cfg.routes.get("/ready", health::ready);
    }).start();
    return this;
  }

  /** {@return the port the gateway listens on} @throws IllegalStateException before {@link #start} */
  public synchronized int port() {
    if (app == null) throw new IllegalStateException("gateway not started");
    return app.port();
  }

  /**
   * Ends live streams and answers pending long-polls, lets other calls in flight finish for up to
   * {@link #DRAIN}, then stops listening. Idempotent.
   */
  @Override
  public synchronized void close() {
    stream.stop();
    appends.stop();
    try {
      rpc.awaitIdle(DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (app != null) app.stop();
    }
  }

  private static String version() {
    String version = Gateway.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
