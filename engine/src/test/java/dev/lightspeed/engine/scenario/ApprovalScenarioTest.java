package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.MODEL_CONFIG;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.ref;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls of tools that need approval park their run until someone decides; the wait survives replay. */
class ApprovalScenarioTest {
  private static final ToolSpec DEPLOY = new ToolSpec("deploy", ref("spec:deploy"), Parallelism.EXCLUSIVE, RetrySafety.NOT_RETRY_SAFE, Approval.ALWAYS);
  private static final ToolSpec LOOKUP = new ToolSpec("lookup", ref("spec:lookup"), Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Approval.ALWAYS);

  private static TestHost host() {
    return TestHost.open(MODEL_CONFIG, READ, DEPLOY, LOOKUP);
  }

  private static List<String> toolResults(TestHost host) {
    return host.state().context().entries().stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT)
        .map(e -> e.item().callId() + (e.item().isError() ? "!" : "")).toList();
  }

  @Test
  void aCallThatNeedsApprovalParksTheRunUntilItIsApprovedAndThenRuns() {
    TestHost host = host().reply(calls(call("d1", "deploy")), finalText("deployed"));
    host.admit(run("s1", "ship it"));
    int mark = host.mark();

    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.kindsSince(mark)).endsWith("tool.batch_started", "tool.approval_requested");
    assertThat(host.toolRequests()).isEmpty();
    assertThat(host.state().runs().activeRun().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(host.state().runs().activeRun().awaitingApproval()).extracting(c -> c.call().callId()).containsExactly("d1");

    int decided = host.mark();
    host.admit(new Command.DecideApproval(0, "d1", true, ""));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.kindsSince(decided)).startsWith("tool.approval_decided", "tool.call_started", "tool.call_completed", "tool.batch_completed");
    assertThat(host.toolRequests()).hasSize(1);
    assertThat(toolResults(host)).containsExactly("d1");
    assertThat(host.state().runs().active()).isEmpty();
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aDeniedCallNeverRunsAndTheModelIsToldItWasDenied() {
    TestHost host = host().reply(calls(call("d1", "deploy")), finalText("ok, not deploying"));
    host.admit(run("s1", "ship it"));
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(new Command.DecideApproval(1, "d1", false, "not on a Friday"));
    host.runUntilQuiet();

    assertThat(host.eventsSince(mark)).contains(
        new ToolEvent.ApprovalDecided(1, 1, 1, "d1", false, "not on a Friday"),
        new ToolEvent.CallCompleted(1, 1, 1, "d1", CallOutcome.DENIED, WellKnownBlob.TOOL_DENIED.ref(),
            WellKnownBlob.TOOL_DENIED.bytes().length, WellKnownBlob.TOOL_DENIED.text()));
    assertThat(host.toolRequests()).isEmpty();
    assertThat(toolResults(host)).containsExactly("d1!");
    assertThat(host.generations()).hasSize(2);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void callsThatNeedNoApprovalRunWhileAnotherWaitsButAnExclusiveCallKeepsItsPlace() {
    TestHost host = host().toolMode(TestHost.ToolMode.HOLD)
        .reply(calls(call("l1", "lookup"), call("r1", "read"), call("d1", "deploy"), call("r2", "read")));
    host.admit(run("s1", "look then deploy"));
    host.runUntilQuiet();

    assertThat(host.state().runs().activeRun().awaitingApproval()).extracting(c -> c.call().callId()).containsExactly("l1", "d1");
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("r1");

    host.answerCall("r1", CallOutcome.COMPLETED, "file");
    host.admit(new Command.DecideApproval(0, "l1", true, ""));
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("l1");

    host.answerCall("l1", CallOutcome.COMPLETED, "found");
    host.runUntilQuiet();
    assertThat(host.heldCalls()).isEmpty();

    host.admit(new Command.DecideApproval(0, "d1", true, "go"));
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("d1");
    host.answerCall("d1", CallOutcome.COMPLETED, "deployed");
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("r2");
  }

  @Test
  void cancellingAParkedRunCancelsTheWaitingCallsWithoutRunningThem() {
    TestHost host = host().reply(calls(call("d1", "deploy"), call("l1", "lookup")));
    host.admit(run("s1", "ship it"));
    host.runUntilQuiet();

    host.admit(new Command.CancelRun(0));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));

    assertThat(host.toolRequests()).isEmpty();
    assertThat(toolResults(host)).containsExactly("d1!", "l1!");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(host.reject(new Command.DecideApproval(1, "d1", true, "")).kind()).isEqualTo(RejectionKind.NOT_FOUND);
  }

  @Test
  void decisionsForUnknownOrAlreadyDecidedCallsAreRejectedWithAReason() {
    TestHost host = host().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("d1", "deploy")));
    assertThat(host.reject(new Command.DecideApproval(0, "d1", true, "")).kind()).isEqualTo(RejectionKind.NOT_FOUND);
    host.admit(run("s1", "ship it"));
    host.runUntilQuiet();

    assertThat(host.reject(new Command.DecideApproval(0, "nope", true, "")).message()).contains("no tool call \"nope\"");
    assertThat(host.reject(new Command.DecideApproval(7, "d1", true, "")).kind()).isEqualTo(RejectionKind.NOT_FOUND);
    assertThat(host.reject(new Command.DecideApproval(0, "d1", true, "x".repeat(10_000))).kind()).isEqualTo(RejectionKind.INVALID_REQUEST);

    host.admit(new Command.DecideApproval(0, "d1", true, ""));
    host.runUntilQuiet();
    assertThat(host.reject(new Command.DecideApproval(0, "d1", false, "")).kind()).isEqualTo(RejectionKind.CONFLICT);
  }

  @Test
  void aParkedRunSurvivesRehydrationAndCarriesOnAfterTheDecision() {
    TestHost host = host().reply(calls(call("d1", "deploy")), finalText("done"));
    host.admit(run("s1", "ship it"));
    host.runUntilQuiet();
    CallState parked = host.state().runs().activeRun().awaitingApproval().get(0);
    assertThat(parked.approval()).isEqualTo(ApprovalState.AWAITING);

    host.verifyFullReplay();
    host.crashAndResume();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.state().runs().activeRun().awaitingApproval()).containsExactly(parked);
    assertThat(host.toolRequests()).isEmpty();

    host.admit(new Command.DecideApproval(0, "d1", true, ""));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }
}
