package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.U;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.store.SessionId;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.NonDeterministicException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A deploy that changes the workflow code: the new worker's replay of a session's history is
 * non-deterministic, the execution fails instead of retrying forever, and the session goes on in a fresh
 * execution rehydrated from its event log. The old worker is stopped inside a workflow task (an append held)
 * so that its successor receives the whole history and replays it, as a cluster's new worker would.
 */
class HostedDeployTest {
  private static final String PREFIX = "lightspeed.core.";

  @Test
  void aRunActiveAcrossADeployThatBreaksReplayIsRestartedFromTheLogAndCompletesOnce() throws Exception {
    try (HostedHarness h = HostedHarness.start()) {
      DyingLog oldLog = new DyingLog(h.log);
      h.killWorker();
      h.startWorker(SessionWorkflowImpl.class, oldLog);
      SessionId s = h.open("deploy-active", MODEL);
      h.model.reply("before the deploy");
      long before = h.startRun(s, "before", "hello");
      assertThat(h.outcome(s, before).status()).isEqualTo(RunStatus.COMPLETED);
      String oldRunId = execution(h, s).getExecution().getRunId();

      h.model.reply("lost with the old worker").reply("after the deploy");
      oldLog.dieAtNextAppendOf(PREFIX + "turn.generation_completed");
      long run = h.startRun(s, "during", "a long question");
      oldLog.awaitDying();
      h.killWorker();
      h.startWorker(ChangedSessionWorkflow.class, h.log);

      try (ReplayFailureRecovery recovery = new ReplayFailureRecovery(h.temporal.client(), TemporalNames.TASK_QUEUE, h.log, h.client)
          .start(Duration.ofMillis(200))) {
        RunOutcome outcome = h.outcome(s, run);
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("after the deploy");
      }

      assertThat(failureOf(h, s, oldRunId)).as("the old execution failed on replay")
          .hasValueSatisfying(f -> assertThat(f.getType()).isEqualTo(NonDeterministicException.class.getName()));
      assertThat(execution(h, s).getExecution().getRunId()).isNotEqualTo(oldRunId);
      assertOnce(h.entries(s), 2);
      assertThat(h.model.requests()).as("one generation lost with the old worker, none repeated after").hasSize(3);

      h.model.reply("and later");
      long later = h.startRun(s, "later", "still there?");
      assertThat(h.text(h.outcome(s, later).output().orElseThrow())).isEqualTo("and later");
      assertOnce(h.entries(s), 3);
    }
  }

  @Test
  void aCommandInFlightAcrossADeployThatBreaksReplayIsAdmittedOnceByAFreshExecution() throws Exception {
    try (HostedHarness h = HostedHarness.start()) {
      DyingLog oldLog = new DyingLog(h.log);
      h.killWorker();
      h.startWorker(SessionWorkflowImpl.class, oldLog);
      SessionId s = h.open("deploy-idle", MODEL);
      h.model.reply("before the deploy");
      assertThat(h.outcome(s, h.startRun(s, "before", "hello")).status()).isEqualTo(RunStatus.COMPLETED);
      String oldRunId = execution(h, s).getExecution().getRunId();

      oldLog.dieAtNextAppendOf(PREFIX + "run.accepted");
      h.model.reply("after the deploy");
      CompletableFuture<Long> admitted = CompletableFuture.supplyAsync(() -> h.startRun(s, "during", "a question"));
      oldLog.awaitDying();
      h.killWorker();
      h.startWorker(ChangedSessionWorkflow.class, h.log); // no recovery sweep: the waiting command itself restarts the session

      long run = admitted.get(60, TimeUnit.SECONDS);
      RunOutcome outcome = h.outcome(s, run);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("after the deploy");
      assertThat(failureOf(h, s, oldRunId)).hasValueSatisfying(f -> assertThat(f.getType()).isEqualTo(NonDeterministicException.class.getName()));
      assertOnce(h.entries(s), 2);
      assertThat(h.kinds(s).stream().filter(k -> k.equals("run.accepted")).count()).isEqualTo(2);
    }
  }

  @Test
  void aSweepLeavesExecutionsThatFailedForOtherReasonsAlone() {
    try (HostedHarness h = HostedHarness.start()) {
      SessionId ghost = SessionId.of("deploy-ghost");
      assertThatThrownBy(() -> h.submit(ghost, new Command.CancelRun(1))).isInstanceOf(SessionBootstrapException.class);
      assertThat(execution(h, ghost).getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);

      ReplayFailureRecovery recovery = new ReplayFailureRecovery(h.temporal.client(), TemporalNames.TASK_QUEUE, h.log, h.client);

      assertThat(recovery.sweep()).isZero();
      assertThat(execution(h, ghost).getStatus()).as("not started again").isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);
    }
  }

  private static WorkflowExecutionInfo execution(HostedHarness h, SessionId s) {
    return h.temporal.client().getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
        .setNamespace("default")
        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(TemporalNames.workflowId(U.value(), s.value())))
        .build()).getWorkflowExecutionInfo();
  }

  /** {@return the application failure execution {@code runId} of session {@code s} ended with, if it failed} */
  private static Optional<ApplicationFailure> failureOf(HostedHarness h, SessionId s, String runId) {
    try {
      h.temporal.client().newUntypedWorkflowStub(TemporalNames.workflowId(U.value(), s.value()), Optional.of(runId), Optional.empty())
          .getResult(5, TimeUnit.SECONDS, Void.class);
      return Optional.empty();
    } catch (WorkflowFailedException e) {
      return e.getCause() instanceof ApplicationFailure app ? Optional.of(app) : Optional.empty();
    } catch (TimeoutException e) {
      throw new AssertionError("execution " + runId + " is still running", e);
    }
  }

  /** Seqs run 1..n without gaps; {@code runs} runs completed, each once; no turn started or generated twice. */
  private static void assertOnce(List<LogEntry> entries, int runs) {
    assertThat(entries).extracting(LogEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
    List<String> kinds = entries.stream().map(e -> e.event().kind().substring(PREFIX.length())).toList();
    assertThat(kinds.stream().filter(k -> k.equals("run.completed")).count()).isEqualTo(runs);
    assertThat(entries.stream().filter(e -> e.event().kind().endsWith("run.completed")).map(e -> e.joins().runId()).toList()).doesNotHaveDuplicates();
    List<Long> turns = entries.stream().filter(e -> e.event().kind().endsWith("turn.started")).map(e -> e.joins().turnId()).toList();
    assertThat(turns).doesNotHaveDuplicates();
    List<Long> generated = entries.stream().filter(e -> e.event().kind().endsWith("turn.generation_completed")).map(e -> e.joins().turnId()).toList();
    assertThat(generated).doesNotHaveDuplicates().hasSameSizeAs(turns);
  }
}
