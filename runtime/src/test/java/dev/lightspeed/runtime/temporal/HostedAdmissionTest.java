package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.U;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.CommandCodec;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.store.SessionId;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * How commands reach a hosted session: the fire-and-forget signal keeps arrival order and records its
 * rejections for the status query, run requests are admitted while a turn is in flight, and the workflow is
 * started with a few hundred bytes whatever the session holds.
 */
class HostedAdmissionTest {

  @Test
  void signalledAdmissionsAreTakenInArrivalOrderAndTheStatusQueryShowsActiveQueuedAndRejected() {
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness h = HostedHarness.start(HostedHarness.FAST, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      SessionId s = h.open("signals", MODEL);
      h.model.reply("first").reply("second").reply("third").reply("fourth");
      long first = h.startRun(s, "a", "first");
      eventually("the first run's model call is held", () -> held.get().waiting() == 1);
      SessionWorkflow workflow = h.temporal.client().newWorkflowStub(SessionWorkflow.class, TemporalNames.workflowId(U.value(), s.value()));

      long startedAt = System.nanoTime();
      workflow.admit(request("b", h.requestRun("b", "second")));
      workflow.admit(request("nope", new Command.CancelRun(99)));
      workflow.admit(request("c", h.requestRun("c", "third")));
      workflow.admit(request("d", h.requestRun("d", "fourth")));

      eventually("the signals are admitted while the turn is in flight", () -> h.status(s).map(st -> st.queuedRuns().size() == 3).orElse(false));
      assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(5));
      WorkflowStatus status = h.status(s).orElseThrow();
      assertThat(status.activeRun()).isEqualTo(first);
      assertThat(status.activeRunStatus()).isEqualTo("running");
      assertThat(status.queuedRuns()).containsExactly(first + 1, first + 2, first + 3);
      assertThat(status.effectsInFlight()).isEqualTo(1);
      assertThat(status.recentFailures()).singleElement().satisfies(f -> {
        assertThat(f.id()).isEqualTo("nope");
        assertThat(f.kind()).isEqualTo("not_found");
        assertThat(f.commandType()).isEqualTo("CancelRun");
      });

      held.get().releaseAll();
      assertThat(h.text(h.outcome(s, first + 3).output().orElseThrow())).isEqualTo("fourth");
      assertThat(h.text(h.outcome(s, first + 1).output().orElseThrow())).isEqualTo("second");
      assertThat(h.text(h.outcome(s, first + 2).output().orElseThrow())).isEqualTo("third");
      assertThat(h.outcome(s, first).status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.entries(s).stream().filter(e -> e.event().kind().endsWith("run.accepted")).map(e -> e.joins().submissionId()))
          .containsExactly("a", "b", "c", "d");
    }
  }

  @Test
  void aRunRequestedWhileATurnIsInFlightIsQueuedAtOnce() {
    AtomicReference<HeldModel> held = new AtomicReference<>();
    try (HostedHarness h = HostedHarness.start(HostedHarness.FAST, m -> {
      held.set(new HeldModel(m).hold(1));
      return held.get();
    })) {
      SessionId s = h.open("queue-mid-turn", MODEL);
      h.model.reply("first").reply("second");
      long first = h.startRun(s, "a", "first");
      eventually("the model call is held", () -> held.get().waiting() == 1);

      long startedAt = System.nanoTime();
      long second = h.startRun(s, "b", "second");

      assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).as("admitted without waiting for the turn").isLessThan(Duration.ofSeconds(5));
      assertThat(held.get().waiting()).as("the turn is still in flight").isEqualTo(1);
      assertThat(h.state(s).runs().queue()).extracting(r -> r.id()).containsExactly(second);
      held.get().releaseAll();
      assertThat(h.text(h.outcome(s, second).output().orElseThrow())).isEqualTo("second");
      assertThat(h.text(h.outcome(s, first).output().orElseThrow())).isEqualTo("first");
    }
  }

  @Test
  void theWorkflowIsUniverseSlashSessionOnTheAgentQueueAndStartsWithAFewHundredBytes() {
    try (HostedHarness h = HostedHarness.start()) {
      SessionId s = h.open("tiny-start", MODEL);
      for (int i = 0; i < 20; i++) {
        h.model.reply("answer " + i);
        assertThat(h.outcome(s, h.startRun(s, "run-" + i, i + "y".repeat(900))).status()).isEqualTo(RunStatus.COMPLETED);
      }
      h.client.adoptOpenSessions(); // a fresh execution of a session whose log now holds 20 runs of 900-character inputs

      List<HistoryEvent> events = h.temporal.client().fetchHistory(TemporalNames.workflowId(U.value(), s.value())).getEvents();
      var started = events.get(0).getWorkflowExecutionStartedEventAttributes();
      assertThat(started.getWorkflowType().getName()).isEqualTo("SessionWorkflow");
      assertThat(started.getTaskQueue().getName()).isEqualTo("lightspeed-agent");
      assertThat(started.getInput().getSerializedSize()).as("start arguments of a session whose log holds 18 KB of input").isLessThan(1_000);
    }
  }

  private static AdmissionRequest request(String id, Command command) {
    return new AdmissionRequest(id, CanonicalJson.write(CommandCodec.encode(command)));
  }
}
