package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.store.SessionId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Run control while a turn is in flight: cancel during generation and during tools, steer, held edits. */
class HostedRunControlTest {

  @Test
  void cancelDuringGenerationAbortsTheModelCallAndCancelsTheRun() {
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness h = HostedHarness.start(HostedHarness.FAST, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      SessionId s = h.open("cancel-gen", MODEL);
      h.model.reply("never seen");
      long run = h.startRun(s, "sub", "think hard");
      eventually("the model call is held", () -> held.get().waiting() == 1);

      long start = System.nanoTime();
      HostedHarness.assertAdmitted(h.submit(s, new Command.CancelRun(run)));
      assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.CANCELLED);
      eventually("the held model call was aborted", () -> held.get().aborted() == 1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(held.get().calls()).isEqualTo(1);
      assertThat(h.kinds(s)).contains("run.cancellation_requested", "turn.cancelled", "run.cancelled");
    }
  }

  @Test
  void cancelDuringToolsCancelsTheRunAndEveryCallGetsAResult() {
    try (HostedHarness h = HostedHarness.start()) {
      h.tools.tool("slow", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ofSeconds(20), args -> "late");
      SessionId s = h.open("cancel-tools", MODEL);
      h.installTools(s);
      h.model.callTools(call("slow", "{}"), call("slow", "{\"n\":2}")).reply("never");
      long run = h.startRun(s, "sub", "use slow tools");
      eventually("the tool batch has started", () -> h.kinds(s).contains("tool.batch_started"));

      HostedHarness.assertAdmitted(h.submit(s, new Command.CancelRun(run)));

      assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(h.kinds(s).stream().filter(k -> k.equals("tool.call_completed")).count()).isEqualTo(2);
      assertThat(h.model.requests()).hasSize(1);
    }
  }

  @Test
  void steeringDuringAHeldTurnReachesTheModelAtTheNextTurn() {
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness h = HostedHarness.start(HostedHarness.FAST, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      SessionId s = h.open("steer", MODEL);
      h.installTools(s);
      h.model.callTools(call("echo", "{}")).reply("steered answer");
      long run = h.startRun(s, "sub", "start");
      eventually("the first model call is held", () -> held.get().waiting() == 1);

      AdmissionOutcome steer = HostedHarness.assertAdmitted(h.submit(s, new Command.SteerRun(run, List.of(h.text("also check the tests")))));
      assertThat(steer.run()).isEqualTo(run);
      held.get().releaseAll();

      assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.COMPLETED);
      List<ContextEntry> second = h.model.requests().get(1).context();
      assertThat(second.stream().map(e -> e.item().preview())).contains("also check the tests");
      assertThat(h.kinds(s)).contains("run.steering_accepted", "run.steering_delivered");
    }
  }

  @Test
  void configEditsWaitForTheTurnToEnd() {
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness h = HostedHarness.start(HostedHarness.FAST, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      SessionId s = h.open("held-edit", MODEL);
      h.model.reply("first");
      long run = h.startRun(s, "sub", "go");
      eventually("the model call is held", () -> held.get().waiting() == 1);

      Thread edit = Thread.ofVirtual().start(() -> h.submit(s, new Command.CompactContext()));
      eventually("the edit is waiting in the inbox", () -> h.status(s).map(st -> st.pendingAdmissions() == 1).orElse(false));
      assertThat(h.kinds(s)).doesNotContain("context.compaction_requested");

      held.get().releaseAll();
      assertThat(h.outcome(s, run).status()).isEqualTo(RunStatus.COMPLETED);
      eventually("the edit was answered", () -> !edit.isAlive());
    }
  }
}
