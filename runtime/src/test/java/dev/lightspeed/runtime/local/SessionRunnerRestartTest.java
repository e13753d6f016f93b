package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.runtime.local.RunnerHarness.admitted;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.fs.FsBlobStore;
import dev.lightspeed.store.fs.FsSessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a runner over the file-system store is closed mid-run, as a process would die, and a new runner
 * on new store instances over the same directory finishes the work from the log.
 */
class SessionRunnerRestartTest {
  private static final SessionId ID = SessionId.of("durable");

  @TempDir
  Path dir;

  /** One "process": its own store instances over the shared directory, its own model and tools, one runner. */
  private final class Incarnation implements AutoCloseable {
    final FsSessionLog log = new FsSessionLog(dir.resolve("log"), InstantSource.system());
    final FsBlobStore blobs = new FsBlobStore(dir.resolve("blobs"));
    final ScriptedModel model = new ScriptedModel(blobs);
    final ScriptedTools tools = new ScriptedTools(blobs);
    SessionRunner runner;

    SessionRunner open() {
      runner = SessionRunner.open(new RunnerDependencies(log, blobs, model, tools, InstantSource.system()), U, ID);
      return runner;
    }

    SessionRunner create(Json.Obj config) throws Exception {
      log.create(U, ID);
      open();
      admitted(runner.submitAndWait(new Command.OpenSession(config), WAIT));
      return runner;
    }

    long startRun(String submissionId, String text) throws Exception {
      return admitted(runner.submitAndWait(new Command.RequestRun(submissionId, List.of(InputItems.text(blobs, U, text)), Json.Obj.EMPTY), WAIT)).run();
    }

    String text(BlobRef ref) {
      return new String(blobs.read(U, ref), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
      if (runner != null) runner.close();
    }
  }

  @Test
  void aTurnInterruptedByARestartIsAskedAgainAndTheRunsCompleteWithoutDuplicatedEvents() throws Exception {
    long run1;
    long run2;
    LlmRequest interrupted;
    try (Incarnation first = new Incarnation()) {
      first.model.then(ScriptedTurn.reply("lost in the crash").after(Duration.ofSeconds(5)));
      first.create(CanonicalJson.parseObject(MODEL));
      run1 = first.startRun("sub-1", "first question");
      run2 = first.startRun("sub-2", "second question");
      RunnerHarness.eventually("the model is thinking", () -> first.model.requests().size() == 1);
      interrupted = first.model.requests().get(0);

      long started = System.nanoTime();
      first.runner.close();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("close aborts the model call").isLessThan(Duration.ofSeconds(2));
    }

    try (Incarnation second = new Incarnation()) {
      second.model.reply("first answer").reply("second answer");
      SessionRunner runner = second.open();

      RunOutcome outcome1 = SessionRunner.await(runner.outcome(run1), WAIT);
      RunOutcome outcome2 = SessionRunner.await(runner.outcome(run2), WAIT);
      runner.awaitQuiet(WAIT);

      assertThat(outcome1.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(second.text(outcome1.output().orElseThrow())).isEqualTo("first answer");
      assertThat(second.text(outcome2.output().orElseThrow())).isEqualTo("second answer");
      LlmRequest again = second.model.requests().get(0);
      assertThat(again.turn()).as("the interrupted turn is asked again, at least once").isEqualTo(interrupted.turn());
      assertThat(again.fingerprint()).isEqualTo(interrupted.fingerprint());
      assertThat(again.context()).isEqualTo(interrupted.context());
      assertThat(second.model.requests()).extracting(LlmRequest::run).containsExactly(run1, run2);

      List<LogEntry> entries = RunnerHarness.entries(second.log, ID);
      assertThat(entries).extracting(LogEntry::seq).containsExactlyElementsOf(seqs(entries.size()));
      List<String> kinds = RunnerHarness.kinds(entries);
      assertThat(kinds).containsExactly(
          "lifecycle.opened", "run.accepted", "run.started", "turn.started", "turn.planned", "turn.generation_requested", "run.accepted",
          "turn.generation_completed", "turn.completed", "run.completed",
          "run.started", "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
      assertThat(SessionLoader.load(second.log, U, ID)).isEqualTo(runner.state());
      assertThat(SessionLoader.load(new FsSessionLog(dir.resolve("log")), U, ID)).isEqualTo(runner.state());
    }
  }

  private static List<Long> seqs(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
  }

  @Test
  void aToolCallThatIsNotRetrySafeIsReportedFailedAfterARestartWhileARetrySafeOneRunsAgain() throws Exception {
    long run;
    try (Incarnation first = new Incarnation()) {
      Gate charging = new Gate();
      Gate looking = new Gate();
      first.tools.tool("charge_card", Parallelism.PARALLEL_SAFE, RetrySafety.NOT_RETRY_SAFE, Duration.ZERO, blockUntilInterrupted(charging))
          .tool("lookup", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ZERO, blockUntilInterrupted(looking));
      first.model.callTools(call("charge_card", "{\"cents\":100}"), call("lookup", "{\"q\":\"price\"}"));
      first.create(CanonicalJson.parseObject(MODEL));
      admitted(first.runner.submitAndWait(new Command.ReplaceTools(first.tools.specs(U)), WAIT));
      run = first.startRun("sub-1", "buy it");
      charging.awaitEntered();
      looking.awaitEntered();
    }

    try (Incarnation second = new Incarnation()) {
      second.tools.tool("charge_card", Parallelism.PARALLEL_SAFE, RetrySafety.NOT_RETRY_SAFE, Duration.ZERO, args -> "charged again!")
          .tool("lookup", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ZERO, args -> "42 cents");
      second.model.reply("bought, maybe");
      SessionRunner runner = second.open();

      RunOutcome outcome = SessionRunner.await(runner.outcome(run), WAIT);
      runner.awaitQuiet(WAIT);

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(second.tools.invocations()).containsExactly(
          new ScriptedTools.Invocation("lookup", "call_1_2", "{\"q\":\"price\"}", CallOutcome.COMPLETED));
      List<ToolEvent.CallCompleted> completions = RunnerHarness.entries(second.log, ID).stream()
          .map(e -> EventCodec.decode(e.event()))
          .filter(e -> e instanceof ToolEvent.CallCompleted).map(e -> (ToolEvent.CallCompleted) e).toList();
      WellKnownBlob boundary = WellKnownBlob.TOOL_FAILED_AT_BOUNDARY;
      assertThat(completions).extracting(ToolEvent.CallCompleted::callId, ToolEvent.CallCompleted::outcome, ToolEvent.CallCompleted::output)
          .containsExactlyInAnyOrder(
              tuple("call_1_1", CallOutcome.FAILED, boundary.ref()),
              tuple("call_1_2", CallOutcome.COMPLETED, second.blobs.put(U, "42 cents".getBytes(StandardCharsets.UTF_8))));
      List<ContextEntry> results = second.model.requests().get(0).context().stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT).toList();
      assertThat(results).extracting(e -> e.item().callId(), e -> e.item().isError(), e -> second.text(e.item().content()))
          .containsExactlyInAnyOrder(
              tuple("call_1_1", true, boundary.text()),
              tuple("call_1_2", false, "42 cents"));
      List<String> kinds = RunnerHarness.kinds(RunnerHarness.entries(second.log, ID));
      assertThat(kinds.stream().filter("tool.call_started"::equals)).hasSize(2);
      assertThat(kinds.stream().filter("tool.call_completed"::equals)).hasSize(2);
      assertThat(SessionLoader.load(second.log, U, ID)).isEqualTo(runner.state());
    }
  }

  @Test
  void aRunThatWasCancellingWhenTheProcessStoppedEndsCancelledWithoutRunningItsToolsAgain() throws Exception {
    long run;
    try (Incarnation first = new Incarnation()) {
      CountDownLatch working = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      first.tools.tool("lookup", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ZERO, args -> {
        working.countDown();
        awaitIgnoringInterrupts(release);
        return "found";
      });
      first.model.callTools(call("lookup", "{}"));
      first.create(CanonicalJson.parseObject(MODEL));
      admitted(first.runner.submitAndWait(new Command.ReplaceTools(first.tools.specs(U)), WAIT));
      run = first.startRun("sub-1", "look it up");
      assertThat(working.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      admitted(first.runner.submitAndWait(new Command.CancelRun(run), WAIT));
      first.runner.close();
      release.countDown();
    }

    try (Incarnation second = new Incarnation()) {
      second.tools.tool("lookup", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ofSeconds(5), args -> "found again");
      long started = System.nanoTime();
      SessionRunner runner = second.open();

      RunOutcome outcome = SessionRunner.await(runner.outcome(run), WAIT);

      assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(second.tools.invocations()).noneMatch(i -> i.outcome() == CallOutcome.COMPLETED);
    }
  }

  @Test
  void reopeningAnIdleSessionDoesNothingAndKeepsItsState() throws Exception {
    try (Incarnation first = new Incarnation()) {
      first.model.reply("done");
      first.create(CanonicalJson.parseObject(MODEL));
      SessionRunner.await(first.runner.outcome(first.startRun("sub-1", "hi")), WAIT);
      first.runner.awaitQuiet(WAIT);
    }
    try (Incarnation second = new Incarnation()) {
      SessionRunner runner = second.open();
      runner.awaitQuiet(WAIT);

      assertThat(second.model.requests()).isEmpty();
      assertThat(runner.state()).isEqualTo(SessionLoader.load(second.log, U, ID));
      assertThat(runner.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(second.log.head(U, ID)).isEqualTo(runner.state().head());
    }
  }

  /** A tool handler that blocks until its thread is interrupted (the runner closing), then fails. */
  private static UnaryOperator<String> blockUntilInterrupted(Gate gate) {
    return args -> {
      gate.pass(null);
      throw new ScriptedTools.ToolFailure("interrupted by the restart");
    };
  }

  /** Keeps a tool running whatever aborts it gets, until the test lets it finish. */
  private static void awaitIgnoringInterrupts(CountDownLatch release) {
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException e) {
        // ignored on purpose
      }
    }
  }
}
