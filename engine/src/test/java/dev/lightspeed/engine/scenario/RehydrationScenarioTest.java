package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.callsWithUsage;
import static dev.lightspeed.engine.scenario.TestHost.compactTo;
import static dev.lightspeed.engine.scenario.TestHost.compactionItem;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.instructions;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.steer;
import static dev.lightspeed.engine.scenario.TestHost.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host that crashes at any point and rebuilds its drive from the log ({@code Drive.resume(Replay.fold(log))})
 * finishes the session with the same log as one that never crashed: nothing lost, nothing twice. Effects that
 * were in flight are handed out again, except calls of tools that are not retry-safe, which fail.
 */
class RehydrationScenarioTest {

  private static final Json.Obj STANDALONE = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":1000}}}");

  /**
   * Two queued runs over read-only (retry-safe) tools and a high-water compaction. Model and compaction
   * answers depend only on the request, so an effect handed out again gets the same answer.
   */
  private static TestHost scripted() {
    TestHost host = TestHost.open(STANDALONE, TestHost.READ);
    host.modelFallback(r -> replyFor(r.turn()).answer(r));
    host.compactionFallback(compactTo(compactionItem("summary")));
    host.admit(upsert(instructions("inst/a", "be kind")));
    host.admit(run("s1", "go"));
    host.admit(run("s2", "then this"));
    return host;
  }

  private static TestHost.Reply replyFor(long turn) {
    return switch ((int) turn) {
      case 1 -> callsWithUsage(1500, call("r1", "read"), call("r2", "read"));
      case 2 -> calls(call("r3", "read"));
      case 3 -> finalText("first done");
      default -> finalText("done with turn " + turn);
    };
  }

  private static List<String> stored(List<LogEntry> log) {
    return log.stream().map(e -> LogEntryJson.joinsToJson(e.joins()) + " " + e.event()).toList();
  }

  private static Map<String, Long> countByCall(List<? extends ToolEvent> events, Function<ToolEvent, String> id) {
    return events.stream().collect(Collectors.groupingBy(id, Collectors.counting()));
  }

  @Test
  void crashingAfterAnyStepAndResumingFromTheLogYieldsTheSameLog() {
    TestHost reference = scripted();
    int steps = 0;
    while (!(reference.step() instanceof Action.Idle)) steps++;
    List<String> expected = stored(reference.log());
    assertThat(reference.state().runs().finished()).hasSize(2);
    assertThat(reference.kinds()).contains("context.compaction_finished");

    for (int crashAfter = 1; crashAfter <= steps; crashAfter++) {
      TestHost host = scripted();
      for (int i = 0; i < crashAfter; i++) host.step();
      host.crashAndResume();
      host.runUntilQuiet();
      host.verifyFullReplay();
      assertThat(stored(host.log())).as("log after a crash at step %d of %d", crashAfter, steps).isEqualTo(expected);
    }
  }

  @Test
  void crashingMidGenerationHandsOutTheSameRequestAgain() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.heldGenerations()).hasSize(1);

    host.crashAndResume();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.generations()).hasSize(2);
    assertThat(host.generations().get(1)).isEqualTo(host.generations().get(0));

    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
    assertThat(host.kinds()).filteredOn(k -> k.startsWith("turn.")).containsExactly("turn.started", "turn.planned",
        "turn.generation_requested", "turn.generation_completed", "turn.completed");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aResultReportedButNotCommittedBeforeTheCrashIsLostAndTheEffectRunsAgain() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.answerGeneration(finalText("lost"))).isTrue();

    host.crashAndResume();
    host.runUntilQuiet();
    assertThat(host.kinds()).doesNotContain("turn.generation_completed");
    assertThat(host.answerGeneration(finalText("kept"))).isTrue();
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(1L).output()).contains(TestHost.text("kept"));
  }

  @Test
  void crashingMidBatchFailsInFlightCallsOfToolsThatAreNotRetrySafeAndRunsTheOthersAgain() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD)
        .reply(calls(call("r1", "read"), call("f1", "fetch"), call("w1", "write")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("r1", "f1");
    int mark = host.mark();

    host.crashAndResume();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    WellKnownBlob boundary = WellKnownBlob.TOOL_FAILED_AT_BOUNDARY;
    assertThat(host.eventsSince(mark)).containsExactly(
        new ToolEvent.CallCompleted(1, 1, 1, "f1", CallOutcome.FAILED, boundary.ref(), boundary.bytes().length, boundary.text()));
    assertThat(host.toolRequests()).hasSize(2);
    assertThat(host.toolRequests().get(1)).isEqualTo(new ToolBatchRequest(1, 1, 1, List.of(new ToolBatchRequest.Invocation(call("r1", "read"), TestHost.READ))));

    host.answerCall("r1");
    host.runUntilQuiet();
    assertThat(host.heldCalls()).extracting(TestHost.HeldCall::callId).containsExactly("w1");
    host.answerCall("w1");
    host.runUntilQuiet();

    assertThat(countByCall(host.events(ToolEvent.CallStarted.class), e -> ((ToolEvent.CallStarted) e).callId()))
        .isEqualTo(Map.of("r1", 1L, "f1", 1L, "w1", 1L));
    assertThat(countByCall(host.events(ToolEvent.CallCompleted.class), e -> ((ToolEvent.CallCompleted) e).callId()))
        .isEqualTo(Map.of("r1", 1L, "f1", 1L, "w1", 1L));
    assertThat(host.events(ToolEvent.CallCompleted.class)).extracting(ToolEvent.CallCompleted::outcome)
        .containsExactly(CallOutcome.FAILED, CallOutcome.COMPLETED, CallOutcome.COMPLETED);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void crashingWhileAnExclusiveCallThatIsNotRetrySafeRunsFailsIt() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD).reply(calls(call("w1", "write")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.crashAndResume();
    host.runUntilQuiet();
    assertThat(host.events(ToolEvent.CallCompleted.class)).extracting(ToolEvent.CallCompleted::output)
        .containsExactly(WellKnownBlob.TOOL_FAILED_AT_BOUNDARY.ref());
    assertThat(host.toolRequests()).hasSize(1);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aCancellationCommittedBeforeTheCrashEndsTheRunWithoutAskingTheModelAgain() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    int mark = host.mark();

    host.crashAndResume();
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("turn.cancelled", "run.cancelled");
    assertThat(host.generations()).hasSize(1);
  }

  @Test
  void steeringCommittedBeforeTheCrashIsStillDelivered() {
    TestHost host = TestHost.open();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(steer("and this"));
    host.runUntilQuiet();
    host.crashAndResume();
    host.runUntilQuiet();
    host.answerGeneration(finalText("first"));
    host.runUntilQuiet();
    host.answerGeneration(finalText("second"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.SteeringDelivered.class)).containsExactly(new RunEvent.SteeringDelivered(1, 1));
    assertThat(host.state().runs().finished().get(1L).output()).contains(TestHost.text("second"));
  }

  @Test
  void crashingDuringACompactionHandsItOutAgain() {
    TestHost host = TestHost.open().reply(finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(new Command.CompactContext());
    host.runUntilQuiet();
    assertThat(host.heldCompactions()).hasSize(1);

    host.crashAndResume();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    assertThat(host.compactionRequests()).hasSize(2);
    assertThat(host.compactionRequests().get(1)).isEqualTo(host.compactionRequests().get(0));
    host.answerCompaction(new CompactionResult.Completed(1, List.of(compactionItem("s")), Usage.ZERO));
    host.runUntilQuiet();
    assertThat(host.kinds()).filteredOn(k -> k.startsWith("context.compaction")).containsExactly("context.compaction_requested",
        "context.compaction_finished");
  }

  @Test
  void aClosedSessionResumesClosed() {
    TestHost host = TestHost.open(Json.Obj.EMPTY);
    host.admit(new Command.CloseSession(false));
    host.runUntilQuiet();
    host.crashAndResume();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());
  }
}
