package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.SessionId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs hosted by the Temporal session workflow: tool rounds, queueing, idempotency, rejections. */
class HostedRunTest {
  static HostedHarness h;

  @BeforeAll
  static void start() {
    h = HostedHarness.start();
    h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo:" + args);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void aRunWithAToolRoundCompletesWithTheModelsAnswer() {
    SessionId s = h.open("run-tool-round", MODEL);
    h.installTools(s);
    h.model.callTools(call("echo", "{\"x\":1}")).reply("done");

    long run = h.startRun(s, "sub-1", "use the tool");
    RunOutcome outcome = h.outcome(s, run);

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("done");
    assertThat(h.tools.invocations()).extracting(i -> i.name()).contains("echo");
    assertThat(h.kinds(s)).containsSubsequence("run.accepted", "run.started", "turn.started", "turn.generation_completed",
        "tool.batch_started", "tool.call_completed", "tool.batch_completed", "turn.completed", "turn.started",
        "turn.generation_completed", "turn.completed", "run.completed");
    assertThat(h.entries(s)).extracting(e -> e.seq()).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aThirtyRoundRunCompletes() {
    SessionId s = h.open("run-30", MODEL);
    h.installTools(s);
    for (int i = 0; i < 30; i++) h.model.callTools(call("echo", "{\"round\":" + i + "}"));
    h.model.reply("thirty rounds later");

    RunOutcome outcome = h.outcome(s, h.startRun(s, "sub-30", "keep going"));

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(h.text(outcome.output().orElseThrow())).isEqualTo("thirty rounds later");
    assertThat(h.kinds(s).stream().filter(k -> k.equals("tool.batch_completed")).count()).isEqualTo(30);
    assertThat(h.kinds(s).stream().filter(k -> k.equals("turn.completed")).count()).isEqualTo(31);
  }

  @Test
  void aRetriedSubmissionIsAdmittedOnceAndQueuedRunsRunInOrder() {
    SessionId s = h.open("run-queue", MODEL);
    h.model.reply("one").reply("two").reply("three");

    long first = h.startRun(s, "a", "first");
    long again = h.startRun(s, "a", "first");
    long second = h.startRun(s, "b", "second");
    long third = h.startRun(s, "c", "third");

    assertThat(again).isEqualTo(first);
    assertThat(h.text(h.outcome(s, third).output().orElseThrow())).isEqualTo("three");
    assertThat(h.text(h.outcome(s, first).output().orElseThrow())).isEqualTo("one");
    assertThat(h.text(h.outcome(s, second).output().orElseThrow())).isEqualTo("two");
    assertThat(h.kinds(s).stream().filter(k -> k.equals("run.accepted")).count()).isEqualTo(3);
  }

  @Test
  void aRejectedAdmissionIsReportedAndTheSessionLivesOn() {
    SessionId s = h.open("run-rejected", MODEL);

    AdmissionOutcome rejected = h.submit(s, new Command.CancelRun(42));
    assertThat(rejected.admitted()).isFalse();
    assertThat(rejected.rejectionKind()).isEqualTo("not_found");
    assertThat(h.status(s).orElseThrow().recentFailures()).extracting(AdmissionFailure::kind).contains("not_found");

    h.model.reply("still here");
    long run = h.startRun(s, "after", "hello");
    assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aSessionWithoutALogFailsToBootstrapAtOnceWithAClearMessage() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> h.submit(SessionId.of("ghost"), new Command.CancelRun(1)))
        .isInstanceOf(SessionBootstrapException.class)
        .hasMessageContaining("session ghost does not exist");
    // Retried, it would go on for the bootstrap's whole schedule; 20 s tells the two apart on a busy machine too.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }
}
