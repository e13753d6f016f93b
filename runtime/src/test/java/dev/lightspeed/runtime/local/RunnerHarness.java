package dev.lightspeed.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One session driven by a {@link SessionRunner} over in-memory stores (or stores the test supplies), a
 * {@link ScriptedModel} and {@link ScriptedTools}, plus the read-backs scenario tests assert on: event kinds
 * from the log, blob text, admissions.
 */
final class RunnerHarness implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final UniverseId U = UniverseId.DEFAULT;
  static final String MODEL = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"}}";
  private static final String KIND_PREFIX = "lightspeed.core.";

  final SessionLog log;
  final BlobStore blobs;
  final ScriptedModel model;
  final ScriptedTools tools;
  final LlmPort llm;
  final SessionId id;
  final SessionRunner runner;

  private RunnerHarness(SessionLog log, BlobStore blobs, ScriptedModel model, ScriptedTools tools, LlmPort llm, ToolPort toolPort,
      SessionId id, Json.Obj config) throws TimeoutException {
    this.log = log;
    this.blobs = blobs;
    this.model = model;
    this.tools = tools;
    this.llm = llm;
    this.id = id;
    log.create(U, id);
    this.runner = SessionRunner.open(new RunnerDependencies(log, blobs, llm, toolPort, InstantSource.system()), U, id);
    assertThat(runner.submitAndWait(new Command.OpenSession(config), WAIT)).isInstanceOf(Admission.Admitted.class);
  }

  /** A new session with the scripted model and tools over fresh in-memory stores. */
  static RunnerHarness open(String config) throws TimeoutException {
    return open(new InMemorySessionLog(InstantSource.system()), new InMemoryBlobStore(), config, m -> m);
  }

  /** A new session whose model calls go through {@code llm} (usually wrapping the scripted model). */
  static RunnerHarness open(String config, Function<ScriptedModel, LlmPort> llm) throws TimeoutException {
    return open(new InMemorySessionLog(InstantSource.system()), new InMemoryBlobStore(), config, llm);
  }

  /** A new session over the given stores with a fresh scripted model and tools. */
  static RunnerHarness open(SessionLog log, BlobStore blobs, String config, Function<ScriptedModel, LlmPort> llm) throws TimeoutException {
    ScriptedModel model = new ScriptedModel(blobs);
    ScriptedTools tools = new ScriptedTools(blobs);
    return new RunnerHarness(log, blobs, model, tools, llm.apply(model), tools, SessionId.of("s1"), CanonicalJson.parseObject(config));
  }

  /** {@return the gated model this harness was opened with} */
  GatedModel gated() {
    return (GatedModel) llm;
  }

  /** Gives the session the scripted tools defined so far. */
  void installTools() throws TimeoutException {
    assertThat(runner.submitAndWait(new Command.ReplaceTools(tools.specs(U)), WAIT)).isInstanceOf(Admission.Admitted.class);
  }

  Command.RequestRun requestRun(String submissionId, String text) {
    return new Command.RequestRun(submissionId, List.of(InputItems.text(blobs, U, text)), Json.Obj.EMPTY);
  }

  /** Requests a run and {@return its id} once it is durably accepted. */
  long startRun(String submissionId, String text) throws TimeoutException {
    return admitted(runner.submitAndWait(requestRun(submissionId, text), WAIT)).run();
  }

  Admission submit(Command command) throws TimeoutException {
    return runner.submitAndWait(command, WAIT);
  }

  RunOutcome outcome(long run) throws TimeoutException {
    return SessionRunner.await(runner.outcome(run), WAIT);
  }

  static Admission.Admitted admitted(Admission admission) {
    assertThat(admission).isInstanceOf(Admission.Admitted.class);
    return (Admission.Admitted) admission;
  }

  List<LogEntry> entries() {
    return entries(log, id);
  }

  static List<LogEntry> entries(SessionLog log, SessionId id) {
    List<LogEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      LogPage page = log.readAfter(U, id, after, SessionLog.MAX_LIMIT);
      all.addAll(page.entries());
      if (!page.hasMore()) return all;
      after = page.lastSeq();
    }
  }

  /** {@return the kinds of every committed entry after {@code seq}, without the {@code lightspeed.core.} prefix} */
  List<String> kindsAfter(long seq) {
    return kinds(entries().stream().filter(e -> e.seq() > seq).toList());
  }

  static List<String> kinds(List<LogEntry> entries) {
    return entries.stream().map(e -> e.event().kind().substring(KIND_PREFIX.length())).toList();
  }

  /** {@return the decoded events of every committed entry after {@code seq}} */
  List<Event> eventsAfter(long seq) {
    return entries().stream().filter(e -> e.seq() > seq).map(e -> EventCodec.decode(e.event())).toList();
  }

  /** {@return the log's head (which may be ahead of {@code runner.state()} for a moment after an append)} */
  long head() {
    return log.head(U, id);
  }

  String text(BlobRef ref) {
    return new String(blobs.read(U, ref), StandardCharsets.UTF_8);
  }

  /** Waits until {@code condition} holds; for effects that start asynchronously. Fails after {@link #WAIT}. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  /** Waits until the scripted model has received {@code n} generation requests. */
  void awaitRequests(int n) {
    eventually("the model has received " + n + " requests", () -> model.requests().size() >= n);
  }

  @Override
  public void close() {
    runner.close();
  }
}
