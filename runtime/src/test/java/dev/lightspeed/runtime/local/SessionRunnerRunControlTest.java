package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.runtime.local.RunnerHarness.admitted;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Run control through the runner: queueing, idempotent submissions, cancel, force-cancel and steering. */
class SessionRunnerRunControlTest {
  private static final Duration SLOW = Duration.ofSeconds(5);
  private static final Duration PROMPTLY = Duration.ofSeconds(1);

  // ---- queueing and submission ids ----------------------------------------------------------------------

  @Test
  void aSecondRunRequestedWhileTheFirstRunsIsQueuedAndRunsAfterIt() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, GatedModel::new)) {
      Gate first = h.gated().gateGeneration(1);
      h.model.reply("first answer").reply("second answer");

      long run1 = h.startRun("sub-1", "first");
      first.awaitEntered();
      long run2 = h.startRun("sub-2", "second");

      assertThat(run2).isEqualTo(2);
      assertThat(h.runner.state().runs().queue()).extracting(r -> r.id()).containsExactly(2L);
      assertThat(h.runner.state().runs().active().orElseThrow().id()).isEqualTo(1);
      first.release();
      RunOutcome outcome1 = h.outcome(run1);
      RunOutcome outcome2 = h.outcome(run2);

      assertThat(h.text(outcome1.output().orElseThrow())).isEqualTo("first answer");
      assertThat(h.text(outcome2.output().orElseThrow())).isEqualTo("second answer");
      assertThat(h.model.requests()).extracting(LlmRequest::run).containsExactly(1L, 2L);
      h.runner.awaitQuiet(WAIT);
      List<String> kinds = h.kindsAfter(0);
      assertThat(kinds.indexOf("run.completed")).isLessThan(kinds.lastIndexOf("run.started"));
      assertThat(kinds.stream().filter("run.accepted"::equals)).hasSize(2);
      ContextEntry secondInput = h.model.requests().get(1).context().getLast();
      assertThat(secondInput.source()).isEqualTo(new EntrySource.RunInput(2, 0));
    }
  }

  @Test
  void retryingASubmissionIdWithTheSameInputReturnsTheSameRunAndCreatesNothing() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.reply("once");
      long run = h.startRun("sub-1", "hello");
      h.outcome(run);
      h.runner.awaitQuiet(WAIT);
      long head = h.head();

      Admission retry = h.submit(h.requestRun("sub-1", "hello"));

      assertThat(retry).isEqualTo(new Admission.Admitted(List.of(), run));
      h.runner.awaitQuiet(WAIT);
      assertThat(h.head()).isEqualTo(head);
      assertThat(h.runner.state().runs().finished()).containsOnlyKeys(run);
      assertThat(h.model.requests()).hasSize(1);
    }
  }

  @Test
  void retryingASubmissionIdWhileItsRunIsStillRunningReturnsThatRun() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, GatedModel::new)) {
      Gate gate = h.gated().gateGeneration(1);
      h.model.reply("once");
      long run = h.startRun("sub-1", "hello");
      gate.awaitEntered();

      assertThat(h.submit(h.requestRun("sub-1", "hello"))).isEqualTo(new Admission.Admitted(List.of(), run));
      assertThat(h.runner.state().runs().queue()).isEmpty();
      gate.release();
      assertThat(h.outcome(run).status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.model.requests()).hasSize(1);
    }
  }

  @Test
  void reusingASubmissionIdWithDifferentInputIsAConflict() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.reply("once");
      long run = h.startRun("sub-1", "hello");
      h.outcome(run);
      h.runner.awaitQuiet(WAIT);
      long head = h.head();

      Admission other = h.submit(h.requestRun("sub-1", "something else"));

      assertThat(other).isEqualTo(new Admission.Rejected(Rejection.conflict(
          "submission id \"sub-1\" was already used for run 1 with different input; use a new submission id")));
      assertThat(h.head()).isEqualTo(head);
    }
  }

  // ---- cancel -------------------------------------------------------------------------------------------

  @Test
  void cancellingDuringGenerationAbortsTheModelCallPromptlyAndAsksTheModelNothingMore() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.then(ScriptedTurn.reply("too late").after(SLOW)).reply("never asked");
      long run = h.startRun("sub-1", "think hard");
      h.awaitRequests(1);
      long before = h.head();

      long started = System.nanoTime();
      Admission cancel = h.submit(new Command.CancelRun(0));
      RunOutcome outcome = h.outcome(run);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(cancel).isInstanceOf(Admission.Admitted.class);
      assertThat(((Admission.Admitted) cancel).run()).isEqualTo(run);
      assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(outcome.reason()).contains(WellKnownBlob.RUN_CANCELLED.ref());
      assertThat(outcome.output()).isEmpty();
      assertThat(took).isLessThan(PROMPTLY);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly("run.cancellation_requested", "turn.cancelled", "run.cancelled");
      assertThat(h.model.requests()).hasSize(1);
      assertThat(h.model.remaining()).isEqualTo(1);
    }
  }

  @Test
  void cancellingDuringAToolBatchAbortsTheToolsPromptlyAndAnswersTheirCallsAsCancelled() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("slow", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, SLOW, args -> "finished");
      h.installTools();
      h.model.callTools(call("slow", "1"), call("slow", "2")).reply("never asked");
      long run = h.startRun("sub-1", "run slow tools");
      RunnerHarness.eventually("both slow calls are running", () -> h.tools.maxConcurrent() == 2);
      long before = h.head();

      long started = System.nanoTime();
      h.submit(new Command.CancelRun(run));
      RunOutcome outcome = h.outcome(run);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(took).isLessThan(PROMPTLY);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.tools.invocations()).as("each tool saw the abort through its EffectContext").containsExactlyInAnyOrder(
          new ScriptedTools.Invocation("slow", "call_1_1", "1", CallOutcome.CANCELLED),
          new ScriptedTools.Invocation("slow", "call_1_2", "2", CallOutcome.CANCELLED));
      assertThat(h.kindsAfter(before)).containsExactly(
          "run.cancellation_requested", "tool.call_completed", "tool.call_completed", "tool.batch_completed", "turn.cancelled", "run.cancelled");
      assertThat(h.model.requests()).hasSize(1);
      List<ContextEntry> results = h.runner.state().context().entries().stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT).toList();
      assertThat(results).extracting(e -> e.item().callId()).containsExactlyInAnyOrder("call_1_1", "call_1_2");
      assertThat(results).allMatch(e -> e.item().isError() && e.item().content().equals(WellKnownBlob.TOOL_CANCELLED.ref()));
    }
  }

  @Test
  void cancellingWhileATurnsToolsAreBeingStartedCancelsTheCallsInsteadOfRunningThem() throws Exception {
    ControlledLog log = new ControlledLog(new InMemorySessionLog());
    try (RunnerHarness h = RunnerHarness.open(log, new InMemoryBlobStore(), MODEL, m -> m)) {
      h.tools.tool("slow", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, SLOW, args -> "finished");
      h.installTools();
      h.model.callTools(call("slow", "{}")).reply("never asked");
      Gate starting = log.blockNextAppendOf(ToolEvent.CallStarted.KIND);
      long run = h.startRun("sub-1", "run a slow tool");
      starting.awaitEntered();

      long started = System.nanoTime();
      CompletableFuture<Admission> cancel = h.runner.submit(new Command.CancelRun(run));
      starting.release();
      SessionRunner.await(cancel, WAIT);
      RunOutcome outcome = h.outcome(run);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(took).as("a call marked started just before the cancel is aborted, not run to the end").isLessThan(PROMPTLY);
    }
  }

  @Test
  void cancellingAQueuedRunDropsItWithoutDisturbingTheActiveRun() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, GatedModel::new)) {
      Gate gate = h.gated().gateGeneration(1);
      h.model.reply("first answer").reply("never asked");
      long run1 = h.startRun("sub-1", "first");
      gate.awaitEntered();
      long run2 = h.startRun("sub-2", "second");
      long before = h.head();

      assertThat(h.submit(new Command.CancelRun(run2))).isEqualTo(queuedCancelled(run2));
      RunOutcome queued = h.outcome(run2);
      gate.release();
      RunOutcome active = h.outcome(run1);

      assertThat(queued.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(active.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(active.output().orElseThrow())).isEqualTo("first answer");
      assertThat(h.model.requests()).extracting(LlmRequest::run).containsExactly(1L);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly("run.queued_cancelled", "turn.generation_completed", "turn.completed", "run.completed");
    }
  }

  /** The admission a cancel of a queued run gets: one queued_cancelled event for that run. */
  private static Admission queuedCancelled(long run) {
    return new Admission.Admitted(List.of(new RunEvent.QueuedCancelled(run)), run);
  }

  @Test
  void forceCancellingEndsTheRunAtOnceAndTheSessionTakesTheNextRun() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.then(ScriptedTurn.reply("too late").after(SLOW)).reply("second answer");
      long run1 = h.startRun("sub-1", "think hard");
      h.awaitRequests(1);
      long before = h.head();

      long started = System.nanoTime();
      h.submit(new Command.ForceCancelRun(0));
      RunOutcome outcome = h.outcome(run1);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(outcome.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(took).isLessThan(PROMPTLY);
      long run2 = h.startRun("sub-2", "again");
      assertThat(h.outcome(run2).status()).isEqualTo(RunStatus.COMPLETED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).startsWith("run.force_cancelled", "run.accepted", "run.started").endsWith("run.completed");
      assertThat(h.model.requests()).extracting(LlmRequest::run).containsExactly(1L, 2L);
      assertThat(SessionLoader.load(h.log, U, h.id)).isEqualTo(h.runner.state());
    }
  }

  @Test
  void forceCancellingDuringAToolBatchAnswersTheOpenCallsAsCancelled() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("slow", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, SLOW, args -> "finished");
      h.installTools();
      h.model.callTools(call("slow", "{}"), call("slow", "{}"));
      long run = h.startRun("sub-1", "run slow tools");
      RunnerHarness.eventually("both slow calls are running", () -> h.tools.maxConcurrent() == 2);
      long before = h.head();

      h.submit(new Command.ForceCancelRun(run));

      assertThat(h.outcome(run).status()).isEqualTo(RunStatus.CANCELLED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly("run.force_cancelled");
      List<ContextEntry> results = h.runner.state().context().entries().stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT).toList();
      assertThat(results).extracting(e -> e.item().callId()).containsExactly("call_1_1", "call_1_2");
      assertThat(results).allMatch(e -> e.item().isError() && e.item().content().equals(WellKnownBlob.TOOL_CANCELLED.ref()));
      assertThat(h.tools.invocations()).extracting(ScriptedTools.Invocation::outcome).containsOnly(CallOutcome.CANCELLED);
    }
  }

  @Test
  void closingTheSessionWithForceCancelsItsRunsAndRefusesNewWork() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.then(ScriptedTurn.reply("too late").after(SLOW));
      long run1 = h.startRun("sub-1", "think hard");
      long run2 = h.startRun("sub-2", "queued");
      h.awaitRequests(1);
      long before = h.head();

      assertThat(h.submit(new Command.CloseSession(false))).isEqualTo(new Admission.Rejected(Rejection.rejected(
          "the session has active or queued runs; cancel them or close with force (run 1 is running, 1 queued)")));
      admitted(h.submit(new Command.CloseSession(true)));

      assertThat(h.outcome(run1).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(h.outcome(run2).status()).isEqualTo(RunStatus.CANCELLED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(before)).containsExactly("run.queued_cancelled", "run.force_cancelled", "lifecycle.closed");
      assertThat(h.submit(h.requestRun("sub-3", "more"))).isEqualTo(new Admission.Rejected(Rejection.rejected("the session is closed")));
      assertThat(h.model.requests()).hasSize(1);
      assertThat(SessionLoader.load(h.log, U, h.id)).isEqualTo(h.runner.state());
    }
  }

  // ---- steering -----------------------------------------------------------------------------------------

  @Test
  void steeringDuringAToolBatchReachesTheModelInTheNextRequestAfterTheToolResults() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      Gate tool = new Gate();
      h.tools.tool("work", Parallelism.PARALLEL_SAFE, args -> {
        tool.pass(null);
        return "worked";
      });
      h.installTools();
      h.model.callTools(call("work", "{}")).reply("done, in French");
      long run = h.startRun("sub-1", "do the work");
      tool.awaitEntered();

      Admission steer = h.submit(new Command.SteerRun(0, List.of(InputItems.text(h.blobs, U, "answer in French"))));
      assertThat(h.model.requests()).hasSize(1);
      tool.release();
      RunOutcome outcome = h.outcome(run);

      assertThat(admitted(steer).run()).isEqualTo(run);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.model.requests()).hasSize(2);
      assertThat(h.model.requests().get(0).context()).noneMatch(e -> e.source() instanceof EntrySource.Steering);
      List<ContextEntry> second = h.model.requests().get(1).context();
      ContextEntry last = second.getLast();
      assertThat(last.source()).isEqualTo(new EntrySource.Steering(run, 1, 0));
      assertThat(h.text(last.item().content())).isEqualTo("answer in French");
      assertThat(second.get(second.size() - 2).kind()).isEqualTo(EntryKind.TOOL_RESULT);
      List<String> kinds = h.kindsAfter(0);
      assertThat(kinds).containsSubsequence("run.steering_accepted", "tool.call_completed", "tool.batch_completed", "turn.completed",
          "run.steering_delivered", "turn.started");
    }
  }

  @Test
  void steeringDuringTheFinalTurnForcesOneMoreTurn() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, GatedModel::new)) {
      Gate gate = h.gated().gateGeneration(1);
      h.model.reply("a first answer").reply("the steered answer");
      long run = h.startRun("sub-1", "answer");
      gate.awaitEntered();

      h.submit(new Command.SteerRun(run, List.of(InputItems.text(h.blobs, U, "be brief"))));
      gate.release();
      RunOutcome outcome = h.outcome(run);

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("the steered answer");
      assertThat(h.model.requests()).hasSize(2);
      ContextEntry last = h.model.requests().get(1).context().getLast();
      assertThat(h.text(last.item().content())).isEqualTo("be brief");
      assertThat(h.model.requests().get(1).context().get(h.model.requests().get(1).context().size() - 2).item().preview())
          .isEqualTo("a first answer");
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsSubsequence("run.steering_accepted", "turn.generation_completed", "turn.completed",
          "run.steering_delivered", "turn.started", "turn.generation_completed", "turn.completed", "run.completed");
    }
  }

  @Test
  void steeringWhileCancellingIsRejected() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.tools.tool("stubborn", Parallelism.PARALLEL_SAFE, args -> {
        entered.countDown();
        awaitIgnoringInterrupts(release);
        return "done";
      });
      h.installTools();
      h.model.callTools(call("stubborn", "{}"));
      long run = h.startRun("sub-1", "go");
      assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      h.submit(new Command.CancelRun(run));

      Admission steer = h.submit(new Command.SteerRun(run, List.of(InputItems.text(h.blobs, U, "too late"))));

      assertThat(steer).isEqualTo(new Admission.Rejected(Rejection.rejected("run 1 is cancelling; steering is not accepted")));
      release.countDown();
      assertThat(h.outcome(run).status()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  /** A tool that ignores aborts: keeps the run cancelling until the test lets it finish. */
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
