package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.input;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.steer;
import static dev.lightspeed.engine.scenario.TestHost.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolCallResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cancel, force-cancel and steering while a run is generating, running tools or queued. */
class RunControlScenarioTest {

  private static final RunOutcome CANCELLED_1 =
      new RunOutcome(1, "s1", RunStatus.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(WellKnownBlob.RUN_CANCELLED.ref()));

  private static ToolEvent.CallCompleted cancelledCall(String callId) {
    WellKnownBlob c = WellKnownBlob.TOOL_CANCELLED;
    return new ToolEvent.CallCompleted(1, 1, 1, callId, CallOutcome.CANCELLED, c.ref(), c.bytes().length, c.text());
  }

  /** A session with run 1 generating (held). */
  private static TestHost generating() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.heldGenerations()).hasSize(1);
    return host;
  }

  @Test
  void cancellingDuringGenerationAsksTheHostToAbortAndMakesNoFurtherModelCall() {
    TestHost host = generating();
    assertThat(host.drive().shouldAbort(1)).isFalse();
    int mark = host.mark();

    assertThat(host.admit(new Command.CancelRun(0))).isEqualTo(new Admission.Admitted(List.of(new RunEvent.CancellationRequested(1)), 1));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.drive().shouldAbort(1)).isTrue();
    assertThat(host.state().runs().activeRun().status()).isEqualTo(RunStatus.CANCELLING);
    assertThat(host.admit(new Command.CancelRun(1)).events()).isEmpty();

    assertThat(host.answerGeneration(new GenerationResult.Cancelled(1))).isTrue();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));

    assertThat(host.kindsSince(mark)).containsExactly("run.cancellation_requested", "turn.cancelled", "run.cancelled");
    assertThat(host.generations()).hasSize(1);
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(CANCELLED_1);
  }

  @Test
  void aGenerationFailureWhileCancellingEndsTheRunAsCancelled() {
    TestHost host = generating();
    host.admit(new Command.CancelRun(1));
    host.runUntilQuiet();
    int mark = host.mark();
    host.answerGeneration(TestHost.failure("connection reset"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("turn.cancelled", "run.cancelled");
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(CANCELLED_1);
  }

  @Test
  void aGenerationThatCompletesDespiteCancellationHasItsToolCallsCancelledNotRun() {
    TestHost host = generating();
    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    int mark = host.mark();

    assertThat(host.answerGeneration(calls(call("c1", "read"), call("c2", "write")))).isTrue();
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("turn.generation_completed", "tool.batch_started", "tool.call_completed",
        "tool.call_completed", "tool.batch_completed", "turn.cancelled", "run.cancelled");
    assertThat(host.events(ToolEvent.CallCompleted.class)).containsExactly(cancelledCall("c1"), cancelledCall("c2"));
    assertThat(host.toolRequests()).isEmpty();
    assertThat(host.generations()).hasSize(1);
  }

  @Test
  void cancellingDuringABatchCancelsUnstartedCallsAtOnceAndAwaitsCallsInFlight() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("w1", "write"), call("w2", "write"), call("r1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("w1");
    int mark = host.mark();

    host.admit(new Command.CancelRun(0));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.kindsSince(mark)).containsExactly("run.cancellation_requested", "tool.call_completed", "tool.call_completed");
    assertThat(host.eventsSince(mark)).contains(cancelledCall("w2"), cancelledCall("r1"));
    assertThat(host.drive().shouldAbort(1)).isTrue();

    int mark2 = host.mark();
    assertThat(host.answerCall("w1", CallOutcome.COMPLETED, "wrote it")).isTrue();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.kindsSince(mark2)).containsExactly("tool.call_completed", "tool.batch_completed", "turn.cancelled", "run.cancelled");
    assertThat(host.toolRequests()).hasSize(1);
    assertThat(host.generations()).hasSize(1);
    assertThat(host.state().context().entries()).filteredOn(e -> e.kind() == EntryKind.TOOL_RESULT)
        .extracting(e -> e.item().callId() + (e.item().isError() ? "!" : "")).containsExactly("w2!", "r1!", "w1");
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(CANCELLED_1);
  }

  @Test
  void cancellingAQueuedRunDropsItAndLeavesTheActiveRunAlone() {
    TestHost host = generating();
    host.admit(run("s2", "later"));
    host.admit(run("s3", "even later"));
    host.runUntilQuiet();
    int mark = host.mark();

    assertThat(host.admit(new Command.CancelRun(2))).isEqualTo(new Admission.Admitted(List.of(new RunEvent.QueuedCancelled(2)), 2));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.queued_cancelled");
    assertThat(host.state().runs().activeRun().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(host.drive().shouldAbort(1)).isFalse();
    assertThat(host.state().runs().queue()).extracting(r -> r.id()).containsExactly(3L);
    assertThat(host.state().runs().finished().get(2L))
        .isEqualTo(new RunOutcome(2, "s2", RunStatus.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(WellKnownBlob.RUN_CANCELLED.ref())));

    host.modelFallback(finalText("done"));
    host.answerGeneration(finalText("first"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Started.class)).containsExactly(new RunEvent.Started(1), new RunEvent.Started(3));
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(host.state().runs().finished().get(3L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void forceCancellingEndsTheRunAtOnceAndIgnoresTheLateGeneration() {
    TestHost host = generating();
    int mark = host.mark();
    assertThat(host.admit(new Command.ForceCancelRun(0))).isEqualTo(new Admission.Admitted(List.of(new RunEvent.ForceCancelled(1)), 1));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));

    assertThat(host.kindsSince(mark)).containsExactly("run.force_cancelled");
    assertThat(host.state().runs().active()).isEmpty();
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(CANCELLED_1);
    assertThat(host.drive().shouldAbort(1)).isTrue();
    assertThat(host.answerGeneration(finalText("too late"))).isFalse();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.kindsSince(mark)).containsExactly("run.force_cancelled");
  }

  @Test
  void forceCancellingDuringABatchGivesEveryOpenCallTheCancelledResultAndIgnoresLateResults() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("r1", "read"), call("r2", "read"), call("w1", "write")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.answerCall("r1");
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(new Command.ForceCancelRun(1));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.kindsSince(mark)).containsExactly("run.force_cancelled");
    assertThat(host.answerCall("r2")).isFalse();
    assertThat(host.state().context().entries()).filteredOn(e -> e.kind() == EntryKind.TOOL_RESULT)
        .extracting(e -> e.item().callId() + (e.item().isError() ? "!" : "")).containsExactly("r1", "r2!", "w1!");
    assertThat(host.state().context().entries()).filteredOn(e -> e.item().callId() != null && e.item().isError())
        .extracting(e -> e.item().content()).containsOnly(WellKnownBlob.TOOL_CANCELLED.ref());
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(CANCELLED_1);
  }

  @Test
  void forceCancellingACancellingRunEndsItWithoutWaiting() {
    TestHost host = generating();
    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    int mark = host.mark();
    host.admit(new Command.ForceCancelRun(0));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.force_cancelled");
    assertThat(host.answerGeneration(new GenerationResult.Cancelled(1))).isFalse();
  }

  @Test
  void cancellingAnUnknownRunIsNotFoundAndAFinishedRunIsANoOp() {
    TestHost host = TestHost.open().reply(finalText("done"));
    assertThat(host.reject(new Command.CancelRun(0))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no active run to cancel"));
    assertThat(host.reject(new Command.CancelRun(42))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 42"));
    assertThat(host.reject(new Command.ForceCancelRun(42))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 42"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.admit(new Command.CancelRun(1))).isEqualTo(new Admission.Admitted(List.of(), 1));
    assertThat(host.admit(new Command.ForceCancelRun(1))).isEqualTo(new Admission.Admitted(List.of(), 1));
  }

  @Test
  void steeringIsRejectedWithoutInputWithoutAnActiveRunOrWhileCancelling() {
    TestHost host = TestHost.open().reply(finalText("done"));
    assertThat(host.reject(new Command.SteerRun(0, List.of()))).isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "steering input is empty"));
    assertThat(host.reject(steer("hey")))
        .isEqualTo(new Rejection(RejectionKind.REJECTED, "there is no active run to steer; start a run instead"));
    assertThat(host.reject(new Command.SteerRun(9, List.of(input("hey"))))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 9"));

    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.modelFallback(TestHost.hold());
    host.admit(run("s2", "go again"));
    host.runUntilQuiet();
    assertThat(host.reject(new Command.SteerRun(1, List.of(input("hey")))))
        .isEqualTo(new Rejection(RejectionKind.REJECTED, "run 1 is not active (run 2 is)"));
    assertThat(host.reject(new Command.SteerRun(5, List.of(input("hey"))))).isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "there is no run 5"));

    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    assertThat(host.reject(steer("hey")))
        .isEqualTo(new Rejection(RejectionKind.REJECTED, "run 2 is cancelling; steering is not accepted"));
  }

  @Test
  void steeringDuringABatchEntersTheContextOnlyAfterTheWholeBatch() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("c1", "read"), call("c2", "read")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    int mark = host.mark();

    assertThat(host.admit(steer("also check the logs"))).isEqualTo(new Admission.Admitted(
        List.of(new RunEvent.SteeringAccepted(1, 1, List.of(input("also check the logs")))), 1));
    host.runUntilQuiet();
    host.answerCall("c1");
    host.runUntilQuiet();
    assertThat(host.state().context().entries()).noneMatch(e -> e.source() instanceof EntrySource.Steering);
    assertThat(host.state().runs().activeRun().pendingSteering()).hasSize(1);

    host.answerCall("c2");
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.steering_accepted", "tool.call_completed", "tool.call_completed",
        "tool.batch_completed", "turn.completed", "run.steering_delivered", "turn.started", "turn.planned", "turn.generation_requested",
        "turn.generation_completed", "turn.completed", "run.completed");
    assertThat(host.events(RunEvent.SteeringDelivered.class)).containsExactly(new RunEvent.SteeringDelivered(1, 1));
    assertThat(host.generations().get(1).context()).extracting(e -> e.kind().wireName() + ":" + e.item().preview()).containsExactly(
        "message:go", "toolCall:read", "toolCall:read", "toolResult:result of c1", "toolResult:result of c2", "message:also check the logs");
    ContextEntry steering = host.generations().get(1).context().get(5);
    assertThat(steering.source()).isEqualTo(new EntrySource.Steering(1, 1, 0));
    assertThat(steering.item()).isEqualTo(input("also check the logs").toContextItem());
  }

  @Test
  void steeringDuringTheFinalTurnForcesOneMoreTurn() {
    TestHost host = generating();
    host.admit(steer("one more thing"));
    host.admit(steer("and another"));
    host.runUntilQuiet();
    int mark = host.mark();

    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("turn.generation_completed", "turn.completed", "run.steering_delivered",
        "turn.started", "turn.planned", "turn.generation_requested");
    assertThat(host.events(RunEvent.SteeringDelivered.class)).containsExactly(new RunEvent.SteeringDelivered(1, 2));
    assertThat(host.heldGenerations().get(0).context()).extracting(e -> e.item().preview())
        .containsExactly("go", "done", "one more thing", "and another");

    host.answerGeneration(finalText("done, with both"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(1L).output()).contains(text("done, with both"));
    assertThat(host.generations()).hasSize(2);
  }

  @Test
  void steeringThatIsNeverDeliveredDiesWithACancelledRun() {
    TestHost host = generating();
    host.admit(steer("never mind"));
    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    host.answerGeneration(new GenerationResult.Cancelled(1));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.SteeringDelivered.class)).isEmpty();
    assertThat(host.state().context().entries()).noneMatch(e -> e.source() instanceof EntrySource.Steering);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void aLateToolResultAfterTheRunEndedIsIgnored() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("c1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(new Command.ForceCancelRun(0));
    host.runUntilQuiet();
    assertThat(host.drive().resumeToolCall(new ToolCallResult(1, "c1", CallOutcome.COMPLETED, text("x"), 1, "x"))).isFalse();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
  }
}
