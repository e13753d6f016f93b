package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What callers see when the store fails or the runner is closed: errors, never hangs; and the log stays usable. */
class SessionRunnerFailureTest {
  private final InMemorySessionLog realLog = new InMemorySessionLog(InstantSource.system());
  private final ControlledLog log = new ControlledLog(realLog);

  private RunnerHarness open() throws Exception {
    return RunnerHarness.open(log, new InMemoryBlobStore(), MODEL, GatedModel::new);
  }

  @Test
  void aStoreThatKeepsFailingStopsTheRunnerAndEveryWaiterGetsRunnerFailedException() throws Exception {
    try (RunnerHarness h = open()) {
      Gate thinking = h.gated().gateGeneration(1);
      h.model.reply("lost");
      long run = h.startRun("sub-1", "hello");
      thinking.awaitEntered();
      CompletableFuture<RunOutcome> outcome = h.runner.outcome(run);

      int appendsBefore = log.appends();
      log.failForever();
      CompletableFuture<Admission> steer = h.runner.submit(new Command.SteerRun(0, List.of(InputItems.text(h.blobs, U, "hurry"))));

      assertFailsWithRunnerFailed(steer);
      assertFailsWithRunnerFailed(outcome);
      assertThat(h.runner.failure()).isInstanceOf(StoreIoException.class).hasMessage("the disk is on fire");
      assertThatThrownBy(() -> h.runner.awaitQuiet(WAIT)).isInstanceOf(RunnerFailedException.class)
          .hasMessage("the runner of session s1 stopped: the disk is on fire");
      assertFailsWithRunnerFailed(h.runner.submit(new Command.CancelRun(0)));
      assertThatThrownBy(() -> h.runner.submitAndWait(new Command.CancelRun(0), WAIT)).isInstanceOf(RunnerFailedException.class);
      assertThat(log.appends() - appendsBefore).as("the append was tried five times before giving up").isEqualTo(5);
      thinking.release();

      ScriptedModel recovered = new ScriptedModel(h.blobs).reply("recovered");
      try (SessionRunner next = SessionRunner.open(new RunnerDependencies(realLog, h.blobs, recovered, h.tools, InstantSource.system()), U, h.id)) {
        RunOutcome done = SessionRunner.await(next.outcome(run), WAIT);
        next.awaitQuiet(WAIT);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.text(done.output().orElseThrow())).isEqualTo("recovered");
        assertThat(recovered.requests()).hasSize(1);
        List<LogEntry> entries = RunnerHarness.entries(realLog, h.id);
        assertThat(entries).extracting(LogEntry::seq).containsExactlyElementsOf(seqs(entries.size()));
        assertThat(RunnerHarness.kinds(entries)).doesNotContain("run.steering_accepted").endsWith("turn.generation_completed", "turn.completed", "run.completed");
        assertThat(SessionLoader.load(realLog, U, h.id)).isEqualTo(next.state());
      }
    }
  }

  @Test
  void aTransientStoreFailureIsRetriedAndTheRunCompletes() throws Exception {
    try (RunnerHarness h = open()) {
      h.model.reply("fine");
      log.failAppends(2, false);

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "hello"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.runner.failure()).isNull();
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsExactly("lifecycle.opened", "run.accepted", "run.started", "turn.started", "turn.planned",
          "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
    }
  }

  @Test
  void anAppendWhoseAcknowledgementWasLostIsConfirmedOnRetryWithoutDuplicates() throws Exception {
    try (RunnerHarness h = open()) {
      h.model.reply("fine");
      log.failAppends(1, true);

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "hello"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsExactly("lifecycle.opened", "run.accepted", "run.started", "turn.started", "turn.planned",
          "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
      assertThat(SessionLoader.load(realLog, U, h.id)).isEqualTo(h.runner.state());
    }
  }

  @Test
  void closingTheRunnerFailsEveryoneStillWaiting() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.model.then(ScriptedTurn.reply("never").after(Duration.ofSeconds(5)));
      long run = h.startRun("sub-1", "hello");
      h.awaitRequests(1);
      CompletableFuture<RunOutcome> outcome = h.runner.outcome(run);

      h.runner.close();

      assertFailsWithRunnerFailed(outcome);
      assertFailsWithRunnerFailed(h.runner.submit(new Command.CancelRun(0)));
      assertFailsWithRunnerFailed(h.runner.outcome(run));
    }
  }

  @Test
  void aRetriedSubmissionIsAcknowledgedOnlyOnceTheOriginalIsDurable() throws Exception {
    try (RunnerHarness h = open()) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.model.reply("fine");
      Gate tools = log.blockNextAppendOf(ToolsEvent.Replaced.KIND);
      CompletableFuture<Admission> replace = h.runner.submit(new Command.ReplaceTools(h.tools.specs(U)));
      tools.awaitEntered();
      Gate accepted = log.blockNextAppendOf(RunEvent.Accepted.KIND);
      CompletableFuture<Admission> original = h.runner.submit(h.requestRun("sub-1", "hello"));
      CompletableFuture<Admission> retry = h.runner.submit(h.requestRun("sub-1", "hello"));
      try {
        tools.release();
        SessionRunner.await(replace, WAIT);
        accepted.awaitEntered();

        assertThat(original).isNotDone();
        assertThat(retry).as("the retry's run is not durable yet").isNotDone();
      } finally {
        accepted.release();
      }
      assertThat(SessionRunner.await(retry, WAIT)).isEqualTo(new Admission.Admitted(List.of(), 1));
    }
  }

  private static void assertFailsWithRunnerFailed(CompletableFuture<?> future) throws Exception {
    assertThatThrownBy(() -> future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RunnerFailedException.class);
  }

  private static List<Long> seqs(int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
  }
}
