package dev.lightspeed.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmServices;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The hosted runtime on a real (in-process, real-time) Temporal server: in-memory stores, a worker running
 * the session workflow with a scripted model and scripted tools, and a {@link SessionClient}, plus the
 * read-backs tests assert on.
 */
final class HostedHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);
  static final UniverseId U = UniverseId.DEFAULT;
  static final String MODEL = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"}}";
  static final String OPENAI = "{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-test\"}}";
  static final WorkflowTuning FAST = WorkflowTuning.DEFAULT.withLlmRetry(50, 200, 4).withHeartbeatTimeoutMs(2_000).withForceCancelAfterMs(60_000);
  private static final String KIND_PREFIX = "lightspeed.core.";

  final SessionLog log;
  final BlobStore blobs;
  final ScriptedModel model;
  final ScriptedTools tools;
  final RunAborts aborts = new RunAborts();
  final EmbeddedTemporal temporal;
  final SessionClient client;
  private SessionWorker worker;
  private final LlmPort llm;

  private HostedHarness(WorkflowTuning tuning, BiFunction<ScriptedModel, BlobStore, LlmPort> llm, SessionLog log, BlobStore blobs) {
    this.log = log;
    this.blobs = blobs;
    this.model = new ScriptedModel(blobs);
    this.tools = new ScriptedTools(blobs);
    this.llm = llm.apply(model, blobs);
    this.temporal = EmbeddedTemporal.start("127.0.0.1", 0);
    this.client = new SessionClient(temporal.client(), TemporalNames.TASK_QUEUE, tuning);
    startWorker();
  }

  static HostedHarness start() {
    return start(FAST, m -> m);
  }

  static HostedHarness start(WorkflowTuning tuning, Function<ScriptedModel, LlmPort> llm) {
    return new HostedHarness(tuning, (m, b) -> llm.apply(m), new InMemorySessionLog(InstantSource.system()), new InMemoryBlobStore());
  }

  /** A harness over existing stores, as a restarted process would be. */
  static HostedHarness on(SessionLog log, BlobStore blobs, Function<ScriptedModel, LlmPort> llm) {
    return new HostedHarness(FAST, (m, b) -> llm.apply(m), log, blobs);
  }

  /** A harness whose model is the real OpenAI Responses adapter talking to {@code provider} (key {@code sk-test}). */
  static HostedHarness withProvider(WorkflowTuning tuning, FakeProviderServer provider) {
    ProviderRegistry providers = ProviderRegistry.of(new ProviderConfig("openai", provider.url("/v1"), KeyRing.parse("sk-test"), Map.of()));
    return new HostedHarness(tuning, (m, blobs) -> LlmServices.create(providers, blobs, RetryPolicy.DEFAULT, LiveListener.NONE),
        new InMemorySessionLog(InstantSource.system()), new InMemoryBlobStore());
  }

  /** Starts a worker; like a real replacement worker on the embedded service, it first adopts orphaned sessions. */
  void startWorker() {
    worker = SessionWorker.create(temporal.client(), TemporalNames.TASK_QUEUE, new SessionActivitiesImpl(log, blobs, llm, tools, aborts), aborts);
    client.adoptOpenSessions();
    worker.start();
  }

  /**
   * Starts a worker running {@code implementation} whose activities use {@code activityLog}, without adopting
   * open sessions: as on a Temporal cluster, it picks up their workflow tasks and replays their histories.
   */
  void startWorker(Class<? extends SessionWorkflow> implementation, SessionLog activityLog) {
    worker = SessionWorker.create(temporal.client(), TemporalNames.TASK_QUEUE, new SessionActivitiesImpl(activityLog, blobs, llm, tools, aborts),
        aborts, implementation);
    worker.start();
  }

  /** Stops the worker abruptly, as a crash would: activities in flight are abandoned to Temporal. */
  void killWorker() {
    worker.shutdown(Duration.ZERO);
  }

  /** Creates and opens session {@code id} with {@code config}. */
  SessionId open(String id, String config) {
    SessionId session = SessionId.of(id);
    log.create(U, session);
    assertAdmitted(submit(session, new Command.OpenSession(CanonicalJson.parseObject(config))));
    return session;
  }

  AdmissionOutcome submit(SessionId session, Command command) {
    return client.submit(U, session, command, null);
  }

  static AdmissionOutcome assertAdmitted(AdmissionOutcome outcome) {
    assertThat(outcome.admitted()).as("admitted: %s", outcome).isTrue();
    return outcome;
  }

  void installTools(SessionId session) {
    assertAdmitted(submit(session, new Command.ReplaceTools(tools.specs(U))));
  }

  Command.RequestRun requestRun(String submissionId, String text) {
    return new Command.RequestRun(submissionId, List.of(text(text)), Json.Obj.EMPTY);
  }

  InputItem text(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return InputItem.text(blobs.put(U, bytes), bytes.length, text);
  }

  /** Requests a run and {@return its id} once durably accepted. */
  long startRun(SessionId session, String submissionId, String text) {
    return assertAdmitted(submit(session, requestRun(submissionId, text))).run();
  }

  /** Waits for run {@code run} to finish and {@return its outcome}. */
  RunOutcome outcome(SessionId session, long run) {
    eventually("run " + run + " has finished", () -> state(session).runs().finished().containsKey(run));
    return state(session).runs().finished().get(run);
  }

  SessionState state(SessionId session) {
    return Replay.fold(entries(session));
  }

  List<LogEntry> entries(SessionId session) {
    List<LogEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      LogPage page = log.readAfter(U, session, after, SessionLog.MAX_LIMIT);
      all.addAll(page.entries());
      if (!page.hasMore()) return all;
      after = page.lastSeq();
    }
  }

  List<String> kinds(SessionId session) {
    return entries(session).stream().map(e -> e.event().kind().substring(KIND_PREFIX.length())).toList();
  }

  String text(BlobRef ref) {
    return new String(blobs.read(U, ref), StandardCharsets.UTF_8);
  }

  Optional<WorkflowStatus> status(SessionId session) {
    return client.status(U, session);
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  @Override
  public void close() {
    try {
      worker.shutdown(Duration.ofSeconds(1));
    } finally {
      temporal.close();
    }
  }
}
