package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.FETCH;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.WRITE;
import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.failure;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.ref;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs from request to completion or failure: idempotent submission, the FIFO queue, turns and tool batches. */
class RunScenarioTest {

  private static final List<String> ONE_TURN = List.of(
      "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed");

  private static List<String> callIds(ToolBatchRequest request) {
    return request.calls().stream().map(i -> i.call().callId()).toList();
  }

  private static List<String> describe(List<ContextEntry> entries) {
    return entries.stream().map(e -> e.kind().wireName() + (e.item().callId() == null ? "" : ":" + e.item().callId())
        + (e.item().isError() ? "!" : "")).toList();
  }

  @Test
  void aRunWithoutToolCallsCompletesInOneTurnWithTheAssistantMessageAsOutput() {
    TestHost host = TestHost.open().reply(finalText("hi there"));
    int mark = host.mark();
    Admission.Admitted admitted = host.admit(run("s1", "hello"));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));

    assertThat(admitted.run()).isEqualTo(1);
    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started", "turn.started", "turn.planned",
        "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
    assertThat(host.events(RunEvent.Completed.class)).containsExactly(new RunEvent.Completed(1, Optional.of(text("hi there"))));
    assertThat(host.state().runs().finished()).containsExactly(Map.entry(1L,
        new RunOutcome(1, "s1", RunStatus.COMPLETED, Optional.of(text("hi there")), Optional.empty(), Optional.empty())));
    assertThat(host.state().runs().active()).isEmpty();
    assertThat(host.state().context().entries()).extracting(ContextEntry::source)
        .containsExactly(new EntrySource.RunInput(1, 0), new EntrySource.AssistantOutput(1, 1));
  }

  @Test
  void theGenerationRequestIsRebuiltFromStateAndMatchesThePlannedFingerprint() {
    TestHost host = TestHost.open(json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
        + "\"generation\":{\"reasoningEffort\":\"low\",\"maxOutputTokens\":50}}"), WRITE, READ, FETCH);
    host.admit(run("s1", "hello", "{\"generation\":{\"maxOutputTokens\":100}}"));
    host.runUntilQuiet();

    LlmRequest request = host.heldGenerations().get(0);
    TurnEvent.Planned planned = host.events(TurnEvent.Planned.class).get(0);
    assertThat(request.run()).isEqualTo(1);
    assertThat(request.turn()).isEqualTo(1);
    assertThat(request.model()).isEqualTo(new ModelRef("test", "openai:responses", "m-1"));
    assertThat(request.generation()).isEqualTo(json("{\"reasoningEffort\":\"low\",\"maxOutputTokens\":100}"));
    assertThat(request.tools()).containsExactly(FETCH, READ, WRITE);
    assertThat(request.fingerprint()).isEqualTo(planned.fingerprint()).startsWith("sha256:");
    assertThat(planned).isEqualTo(new TurnEvent.Planned(1, 1, planned.fingerprint(), 1, 1, 1));
  }

  @Test
  void aRetriedSubmissionReturnsTheSameRunAndAppendsNothing() {
    TestHost host = TestHost.open();
    assertThat(host.admit(run("s1", "hello")).run()).isEqualTo(1);
    host.runUntilQuiet();
    int mark = host.mark();

    assertThat(host.admit(run("s1", "hello"))).isEqualTo(new Admission.Admitted(List.of(), 1));
    host.runUntilQuiet();
    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
    assertThat(host.admit(run("s1", "hello"))).isEqualTo(new Admission.Admitted(List.of(), 1));
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).doesNotContain("run.accepted");
    assertThat(host.events(RunEvent.Accepted.class)).hasSize(1);
  }

  @Test
  void reusingASubmissionIdWithDifferentInputIsAConflict() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "hello"));
    host.runUntilQuiet();
    Rejection conflict = new Rejection(RejectionKind.CONFLICT,
        "submission id \"s1\" was already used for run 1 with different input; use a new submission id");
    assertThat(host.reject(run("s1", "goodbye"))).isEqualTo(conflict);
    assertThat(host.reject(run("s1", "hello", "{\"limits\":{\"maxTurns\":2}}"))).isEqualTo(conflict);
  }

  @Test
  void laterRequestsQueueAndStartInOrderAfterTheActiveRunEnds() {
    TestHost host = TestHost.open();
    int mark = host.mark();
    assertThat(host.admit(run("s1", "one")).run()).isEqualTo(1);
    host.runUntilQuiet();
    assertThat(host.admit(run("s2", "two")).run()).isEqualTo(2);
    assertThat(host.admit(run("s3", "three")).run()).isEqualTo(3);
    host.runUntilQuiet();

    assertThat(host.state().runs().activeRun().id()).isEqualTo(1);
    assertThat(host.state().runs().queue()).extracting(r -> r.id()).containsExactly(2L, 3L);
    assertThat(host.state().runs().queue()).extracting(r -> r.status()).containsOnly(RunStatus.QUEUED);

    host.modelFallback(r -> finalText("answer " + r.run()).answer(r));
    host.answerGeneration(finalText("answer 1"));
    host.runUntilQuiet();

    List<String> expected = new ArrayList<>();
    expected.addAll(List.of("run.accepted", "run.started", "turn.started", "turn.planned", "turn.generation_requested"));
    expected.addAll(List.of("run.accepted", "run.accepted", "turn.generation_completed", "turn.completed", "run.completed"));
    for (int i = 0; i < 2; i++) {
      expected.add("run.started");
      expected.addAll(ONE_TURN);
      expected.add("run.completed");
    }
    assertThat(host.kindsSince(mark)).containsExactlyElementsOf(expected);
    assertThat(host.events(RunEvent.Started.class)).containsExactly(new RunEvent.Started(1), new RunEvent.Started(2), new RunEvent.Started(3));
    assertThat(host.generations()).extracting(LlmRequest::run).containsExactly(1L, 2L, 3L);
    assertThat(host.state().runs().finished().get(3L).output()).contains(text("answer 3"));
  }

  @Test
  void aToolCallIsRunAndItsResultEntersTheContextBeforeTheNextTurn() {
    TestHost host = TestHost.open().reply(calls(call("c1", "read")), finalText("read it"));
    int mark = host.mark();
    host.admit(run("s1", "read the file"));
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started",
        "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed",
        "tool.batch_started", "tool.call_started", "tool.call_completed", "tool.batch_completed", "turn.completed",
        "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed",
        "run.completed");
    assertThat(host.toolRequests()).containsExactly(new ToolBatchRequest(1, 1, 1, List.of(new ToolBatchRequest.Invocation(call("c1", "read"), READ))));
    assertThat(host.events(ToolEvent.CallCompleted.class)).containsExactly(
        new ToolEvent.CallCompleted(1, 1, 1, "c1", CallOutcome.COMPLETED, text("result of c1"), 12, "result of c1"));
    assertThat(describe(host.state().context().entries())).containsExactly("message", "toolCall:c1", "toolResult:c1", "message");
    assertThat(host.generations().get(1).context()).extracting(e -> e.kind()).containsExactly(EntryKind.MESSAGE, EntryKind.TOOL_CALL, EntryKind.TOOL_RESULT);
    ContextItem result = host.state().context().entries().get(2).item();
    assertThat(result).isEqualTo(new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, text("result of c1"), "text/plain", null,
        "result of c1", 3, "c1", false));
    assertThat(host.state().runs().finished().get(1L).output()).contains(text("read it"));
  }

  @Test
  void aCallToAnUnknownToolGetsTheWellKnownUnavailableResultWithoutReachingTheHost() {
    TestHost host = TestHost.open().reply(calls(call("c1", "teleport"), call("c2", "read")), finalText("ok"));
    int mark = host.mark();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();

    WellKnownBlob unavailable = WellKnownBlob.TOOL_UNAVAILABLE;
    assertThat(host.eventsSince(mark)).contains(new ToolEvent.CallCompleted(1, 1, 1, "c1", CallOutcome.UNAVAILABLE, unavailable.ref(),
        unavailable.bytes().length, unavailable.text()));
    assertThat(host.kindsSince(mark)).containsSubsequence("tool.batch_started", "tool.call_completed", "tool.call_started",
        "tool.call_completed", "tool.batch_completed");
    assertThat(host.toolRequests()).hasSize(1);
    assertThat(callIds(host.toolRequests().get(0))).containsExactly("c2");
    assertThat(describe(host.state().context().entries())).containsExactly("message", "toolCall:c1", "toolCall:c2", "toolResult:c1!",
        "toolResult:c2", "message");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void resultsMayArriveInAnyOrderAndTheBatchCompletesAfterTheLast() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD)
        .reply(calls(call("c1", "read"), call("c2", "read"), call("c3", "read")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.toolRequests()).hasSize(1);
    assertThat(callIds(host.toolRequests().get(0))).containsExactly("c1", "c2", "c3");
    int mark = host.mark();

    assertThat(host.answerCall("c3")).isTrue();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(2));
    assertThat(host.answerCall("c1")).isTrue();
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("tool.call_completed", "tool.call_completed");
    assertThat(host.answerCall("c2")).isTrue();
    host.runUntilQuiet();

    assertThat(host.events(ToolEvent.CallCompleted.class)).extracting(ToolEvent.CallCompleted::callId).containsExactly("c3", "c1", "c2");
    assertThat(describe(host.state().context().entries())).containsExactly("message", "toolCall:c1", "toolCall:c2", "toolCall:c3",
        "toolResult:c3", "toolResult:c1", "toolResult:c2", "message");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aResultForACallThatIsNotInFlightIsIgnored() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("c1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.drive().resumeToolCall(new ToolCallResult(1, "c9", CallOutcome.COMPLETED, text("x"), 1, "x"))).isFalse();
    assertThat(host.drive().resumeToolCall(new ToolCallResult(7, "c1", CallOutcome.COMPLETED, text("x"), 1, "x"))).isFalse();
    assertThat(host.answerCall("c1")).isTrue();
    assertThat(host.drive().resumeToolCall(new ToolCallResult(1, "c1", CallOutcome.COMPLETED, text("x"), 1, "x"))).isFalse();
  }

  @Test
  void parallelSafeCallsAreDispatchedTogetherWithAtMostEightInFlight() {
    ToolCall[] ten = IntStream.rangeClosed(1, 10).mapToObj(i -> call("c" + i, "read")).toArray(ToolCall[]::new);
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(ten), finalText("done"));
    host.admit(run("s1", "go"));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(8));

    assertThat(callIds(host.toolRequests().get(0))).containsExactly("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
    assertThat(host.events(ToolEvent.CallStarted.class)).hasSize(8);
    assertThat(host.state().runs().activeRun().turn().batch().orElseThrow().inFlightCount()).isEqualTo(8);

    host.answerCall("c2");
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(8));
    assertThat(callIds(host.toolRequests().get(1))).containsExactly("c9");
    host.answerCall("c9");
    host.answerCall("c1");
    host.runUntilQuiet();
    assertThat(callIds(host.toolRequests().get(2))).containsExactly("c10");
    for (String id : List.of("c3", "c4", "c5", "c6", "c7", "c8", "c10")) host.answerCall(id);
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(0));
    assertThat(host.toolRequests()).hasSize(3);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void anExclusiveCallWaitsForEarlierCallsAndRunsAlone() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD)
        .reply(calls(call("r1", "read"), call("w1", "write"), call("r2", "read"), call("r3", "read"), call("w2", "write")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();

    assertThat(callIds(host.toolRequests().get(0))).containsExactly("r1");
    host.answerCall("r1");
    host.runUntilQuiet();
    assertThat(callIds(host.toolRequests().get(1))).containsExactly("w1");
    host.answerCall("w1");
    host.runUntilQuiet();
    assertThat(callIds(host.toolRequests().get(2))).containsExactly("r2", "r3");
    host.answerCall("r3");
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.toolRequests()).hasSize(3);
    host.answerCall("r2");
    host.runUntilQuiet();
    assertThat(callIds(host.toolRequests().get(3))).containsExactly("w2");
    host.answerCall("w2");
    host.runUntilQuiet();

    assertThat(host.events(ToolEvent.CallStarted.class)).extracting(ToolEvent.CallStarted::callId).containsExactly("r1", "w1", "r2", "r3", "w2");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aFailedToolResultIsAnErrorResultAndTheRunContinues() {
    TestHost host = TestHost.open().toolResult("c1", CallOutcome.FAILED, "disk on fire").reply(calls(call("c1", "write")), finalText("sorry"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.events(ToolEvent.CallCompleted.class)).containsExactly(
        new ToolEvent.CallCompleted(1, 1, 1, "c1", CallOutcome.FAILED, text("disk on fire"), 12, "disk on fire"));
    assertThat(describe(host.state().context().entries())).contains("toolResult:c1!");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void theRunOutputIsTheLastAssistantMessageEvenWhenTheFinalTurnHasNone() {
    ContextItem reasoning = new ContextItem(null, EntryKind.REASONING_STATE, EntryRole.NONE, ref("reasoning"), "application/json", "test:reasoning",
        null, 3, null, false);
    TestHost host = TestHost.open().reply(
        TestHost.outputs(List.of(TestHost.assistantMessage("let me look"), TestHost.toolCallItem(call("c1", "read"))), List.of(call("c1", "read")), 10),
        TestHost.outputs(List.of(reasoning), List.of(), 10));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Completed.class)).containsExactly(new RunEvent.Completed(1, Optional.of(text("let me look"))));
  }

  @Test
  void aRunWhoseModelNeverSpeaksCompletesWithoutOutput() {
    TestHost host = TestHost.open().reply(TestHost.outputs(List.of(), List.of(), 10));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Completed.class)).containsExactly(new RunEvent.Completed(1, Optional.empty()));
  }

  @Test
  void aProviderFailureFailsTheRunWithProviderErrorAndTheReasonRef() {
    TestHost host = TestHost.open().reply(failure("rate limited for good"), finalText("fine now"));
    int mark = host.mark();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started", "turn.started", "turn.planned",
        "turn.generation_requested", "turn.generation_failed", "run.failed");
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(
        new RunEvent.Failed(1, FailureKind.PROVIDER_ERROR, ref("error:rate limited for good"), "rate limited for good"));
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(new RunOutcome(1, "s1", RunStatus.FAILED, Optional.empty(),
        Optional.of(FailureKind.PROVIDER_ERROR), Optional.of(ref("error:rate limited for good"))));

    host.admit(run("s2", "again"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(2L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aModelThatRepeatsAToolCallIdFailsTheRunWithProviderError() {
    TestHost host = TestHost.open().reply(calls(call("c1", "read"), call("c1", "write")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    WellKnownBlob reason = WellKnownBlob.LLM_FAILED_AT_BOUNDARY;
    String message = "the model returned tool call id \"c1\" twice";
    assertThat(host.events(TurnEvent.GenerationFailed.class)).containsExactly(new TurnEvent.GenerationFailed(1, 1, reason.ref(), message));
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(new RunEvent.Failed(1, FailureKind.PROVIDER_ERROR, reason.ref(), message));
    assertThat(host.toolRequests()).isEmpty();
  }

  @Test
  void aGenerationAbortedByTheHostWithoutCancellationFailsTheRun() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.answerGeneration(new GenerationResult.Cancelled(1))).isTrue();
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(new RunEvent.Failed(1, FailureKind.PROVIDER_ERROR,
        WellKnownBlob.LLM_FAILED_AT_BOUNDARY.ref(), "the generation was aborted by the host"));
  }

  @Test
  void aGenerationResultForAnotherTurnOrReportedTwiceIsIgnored() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.drive().resumeGeneration(new GenerationResult.Cancelled(7))).isFalse();
    assertThat(host.answerGeneration(finalText("one"))).isTrue();
    assertThat(host.drive().resumeGeneration(new GenerationResult.Failed(1, ref("x"), "late"))).isFalse();
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void theOutstandingEffectCountTracksHeldGenerationsAndCalls() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD);
    host.admit(run("s1", "go"));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    host.answerGeneration(calls(call("c1", "read"), call("c2", "read")));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(2));
    host.answerCall("c1");
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    host.answerCall("c2");
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.heldGenerations()).hasSize(1);
  }

  @Test
  void runsStartWithTheirInputAsUserMessages() {
    TestHost host = TestHost.open();
    host.admit(new Command.RequestRun("s1", List.of(TestHost.input("a"), TestHost.input("b")), Json.Obj.EMPTY));
    host.runUntilQuiet();
    assertThat(host.state().context().entries()).extracting(ContextEntry::item).containsExactly(
        TestHost.input("a").toContextItem(), TestHost.input("b").toContextItem());
    assertThat(host.state().context().entries()).extracting(ContextEntry::source)
        .containsExactly(new EntrySource.RunInput(1, 0), new EntrySource.RunInput(1, 1));
    assertThat(host.state().context().entries().get(0).item().role()).isEqualTo(EntryRole.USER);
  }
}
