package dev.lightspeed.server;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.llm.models.ModelCatalog;
import dev.lightspeed.runtime.temporal.RunAborts;
import dev.lightspeed.runtime.temporal.RunPreparer;
import dev.lightspeed.runtime.temporal.ReplayFailureRecovery;
import dev.lightspeed.runtime.temporal.RunResumption;
import dev.lightspeed.runtime.temporal.SessionActivitiesImpl;
import dev.lightspeed.runtime.temporal.SessionClient;
import dev.lightspeed.runtime.temporal.SessionWorker;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.server.events.AppendSignal;
import dev.lightspeed.server.events.NotifyingSessionLog;
import dev.lightspeed.server.health.HealthEndpoints;
import dev.lightspeed.server.instructions.InstructionFiles;
import dev.lightspeed.server.live.LiveHub;
import dev.lightspeed.server.mcp.McpSecrets;
import dev.lightspeed.server.mcp.McpToolCatalog;
import dev.lightspeed.server.mcp.McpToolRefresh;
import dev.lightspeed.server.models.ModelMethods;
import dev.lightspeed.server.skills.SkillCatalog;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.server.vfs.VfsCatalog;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.mcp.McpClients;
import dev.lightspeed.tools.mcp.McpDirectory;
import dev.lightspeed.tools.mcp.McpToolLists;
import dev.lightspeed.tools.mcp.McpToolSet;
import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One server process: the stores ({@link ServerStores}: files under {@code LIGHTSPEED_HOME}, or PostgreSQL
 * and S3), Temporal (embedded or a
 * cluster), and, by {@link Role}, the gateway, the worker or both. {@link #close} shuts down in the order
 * that loses nothing: the gateway stops taking calls, the worker lets in-flight activities finish (or
 * hands them back to Temporal after the grace period), then Temporal stops.
 */
public final class LightspeedServer implements AutoCloseable {
  /** How long {@link #close} lets in-flight activities finish before leaving them to Temporal's retries. */
  public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private final Role role;
  private final TemporalConnection temporal;
  private final Optional<SessionWorker> worker;
  private final Optional<ReplayFailureRecovery> recovery;
  private final Optional<Gateway> gateway;
  private final ServerStores stores;
  private final McpClients mcp;
  private boolean closed;

  private LightspeedServer(Role role, TemporalConnection temporal, Optional<SessionWorker> worker, Optional<ReplayFailureRecovery> recovery,
      Optional<Gateway> gateway, ServerStores stores, McpClients mcp) {
    this.recovery = recovery;
    this.mcp = mcp;
    this.role = role;
    this.temporal = temporal;
    this.worker = worker;
    this.gateway = gateway;
    this.stores = stores;
  }

  /**
   * Starts the parts of {@code role}.
   *
   * @throws ServerConfigException when the role cannot run with this configuration (a split role needs a
   *     Temporal cluster; {@link Role#MIGRATE} is not a serving role)
   * @throws IllegalStateException when an address is taken
   */
  public static LightspeedServer start(ServerConfig config, Role role, Effects effects, WorkflowTuning tuning) {
    Objects.requireNonNull(effects, "effects");
    if (role == Role.MIGRATE) throw new IllegalArgumentException("migrate does not serve; see ServerMain");
    if (role != Role.BOTH && config.temporal().embedded()) {
      throw new ServerConfigException(ServerConfig.TEMPORAL_ADDRESS, "role " + role.wire()
          + " needs a Temporal cluster; embedded Temporal runs only with role both (set " + ServerConfig.TEMPORAL_ADDRESS + ")");
    }
    ServerStores stores = ServerStores.open(config);
    SessionLog rawLog = stores.log;
    BlobStore blobs = stores.blobs;
    AppendSignal appends = new AppendSignal(rawLog);
    SessionLog log = new NotifyingSessionLog(rawLog, appends);
    LiveHub live = new LiveHub();
    WorkspaceStore workspaces = stores.workspaces;
    TemporalConnection temporal;
    try {
      temporal = TemporalConnection.open(config.temporal());
    } catch (RuntimeException e) {
      stores.close();
      throw e;
    }
    Optional<SessionWorker> worker = Optional.empty();
    Optional<ReplayFailureRecovery> recovery = Optional.empty();
    // Local (stdio) MCP servers start commands on this machine: only where it is the user's own (embedded mode).
    boolean localMcpServers = temporal.embedded();
    McpClients mcp = new McpClients(McpClients.Timeouts.DEFAULT);
    McpSecrets mcpSecrets = McpSecrets.create(stores.mcpCredentials, config.secretsKey());
    try {
      McpDirectory mcpDirectory = McpToolCatalog.directory(stores.mcpServers, mcpSecrets, localMcpServers);
      ToolCatalog tools = McpToolCatalog.extend(effects.tools().create(blobs, workspaces), blobs, new McpToolSet(mcpDirectory, new McpToolLists(mcp)));
      if (role.runsWorker()) {
        RunAborts aborts = new RunAborts();
        Snapshots snapshots = new Snapshots(blobs);
        RunPreparer preparer = RunPreparer.all(new VfsCatalog(blobs, snapshots, workspaces), new InstructionFiles(blobs, snapshots, workspaces),
            new SkillCatalog(blobs, snapshots, workspaces), new McpToolRefresh(tools.specs()));
        LlmPort llm = effects.llm().create(blobs, live, McpToolCatalog.tokens(mcpDirectory));
        SessionActivitiesImpl activities = new SessionActivitiesImpl(log, blobs, llm, tools.port(), aborts, preparer);
        worker = Optional.of(SessionWorker.start(temporal.client(), config.temporal().taskQueue(), activities, aborts));
        SessionClient sessions = new SessionClient(temporal.client(), config.temporal().taskQueue(), tuning);
        if (temporal.embedded()) {
          // The embedded server starts empty; the log knows which runs were in progress when the last process stopped.
          RunResumption.resume(log, UniverseId.DEFAULT, sessions);
        } else {
          // A cluster keeps executions across deploys; one whose replay no longer matches the new code fails, and
          // a session of it with a run in progress is started again from its log.
          recovery = Optional.of(new ReplayFailureRecovery(temporal.client(), config.temporal().taskQueue(), log, sessions)
              .start(ReplayFailureRecovery.DEFAULT_INTERVAL));
        }
      }
      Optional<Gateway> gateway = Optional.empty();
      if (role.servesGateway()) {
        Map<String, HealthEndpoints.Check> checks = new LinkedHashMap<>();
        checks.put("store", HealthEndpoints.probing(() -> rawLog.list(UniverseId.DEFAULT, EnumSet.allOf(SessionLifecycle.class), 1)));
        checks.put("temporal", HealthEndpoints.probing(temporal::ping));
        ModelMethods models = new ModelMethods(effects.providers(), new ModelCatalog(effects.providers(), ProviderHttp.createDefault()),
            InstantSource.system());
        Gateway.Parts parts = new Gateway.Parts(UniverseId.DEFAULT, log, blobs, new Snapshots(blobs), workspaces, stores.profiles,
            new SessionClient(temporal.client(), config.temporal().taskQueue(), tuning), stores.names, tools,
            model(config.defaultModel()), models, appends, live, checks, stores.mcpServers, mcpSecrets, localMcpServers);
        gateway = Optional.of(Gateway.create(parts).start(config.gatewayAddress()));
      }
      return new LightspeedServer(role, temporal, worker, recovery, gateway, stores, mcp);
    } catch (RuntimeException e) {
      recovery.ifPresent(ReplayFailureRecovery::close);
      worker.ifPresent(w -> w.shutdown(Duration.ZERO));
      mcp.close();
      temporal.close();
      stores.close();
      throw e;
    }
  }

  public Role role() {
    return role;
  }

  /** {@return the gateway's port} @throws IllegalStateException when this role serves no gateway */
  public int gatewayPort() {
    return gateway.orElseThrow(() -> new IllegalStateException("role " + role.wire() + " serves no gateway")).port();
  }

  /** {@return the Temporal frontend this process uses (its own in embedded mode)} */
  public HostPort temporalAddress() {
    return temporal.address();
  }

  /** {@return whether this process runs Temporal itself} */
  public boolean embeddedTemporal() {
    return temporal.embedded();
  }

  /** {@return where the stores keep their data (the file-store root, or the database and bucket)} */
  public String storeDescription() {
    return stores.description;
  }

  /** Shuts down with {@link #SHUTDOWN_GRACE} for in-flight activities. */
  @Override
  public void close() {
    shutdown(SHUTDOWN_GRACE);
  }

  /** Stops the gateway, then the worker (waiting up to {@code grace}), then Temporal. Idempotent. */
  public synchronized void shutdown(Duration grace) {
    if (closed) return;
    closed = true;
    try {
      gateway.ifPresent(Gateway::close);
    } finally {
      try {
        recovery.ifPresent(ReplayFailureRecovery::close);
        worker.ifPresent(w -> w.shutdown(grace));
      } finally {
        try {
          mcp.close();
          temporal.close();
        } finally {
          stores.close();
        }
      }
    }
  }

  private static Json.Obj model(ServerConfig.DefaultModel model) {
    return Json.Obj.builder().put("providerId", model.providerId()).put("apiKind", model.apiKind()).put("model", model.model()).build();
  }
}
