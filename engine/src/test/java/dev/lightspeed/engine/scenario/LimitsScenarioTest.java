package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.MODEL_CONFIG;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Run limits fail runs with {@code limit_exceeded}; planning errors fail them with {@code internal}; neither wedges the session. */
class LimitsScenarioTest {

  private static Json.Obj withLimits(String limits) {
    return json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},\"limits\":" + limits + "}");
  }

  /** A model that calls the read tool every turn, with a fresh call id each time. */
  private static TestHost.Reply alwaysCallsATool() {
    return request -> calls(call("c" + request.turn(), "read")).answer(request);
  }

  static void assertEveryToolCallHasAResult(List<ContextEntry> entries) {
    Set<String> results = entries.stream().filter(e -> e.kind() == EntryKind.TOOL_RESULT).map(e -> e.item().callId()).collect(Collectors.toSet());
    assertThat(entries).filteredOn(e -> e.kind() == EntryKind.TOOL_CALL).extracting(e -> e.item().callId())
        .allSatisfy(id -> assertThat(results).as("results").contains(id));
  }

  @Test
  void reachingMaxTurnsFailsTheRunWithLimitExceeded() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":2}"), READ).modelFallback(alwaysCallsATool());
    int mark = host.mark();
    host.admit(run("s1", "loop forever"));
    host.runUntilQuiet();

    List<String> kinds = host.kindsSince(mark);
    assertThat(kinds).filteredOn("turn.started"::equals).hasSize(2);
    assertThat(kinds.subList(kinds.size() - 3, kinds.size())).containsExactly("tool.batch_completed", "turn.completed", "run.failed");
    String message = "run 1 reached its limit of 2 turns (limits.maxTurns)";
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(
        new RunEvent.Failed(1, FailureKind.LIMIT_EXCEEDED, WellKnownBlob.MAX_TURNS_EXCEEDED.ref(), message));
    assertThat(host.state().runs().finished().get(1L)).isEqualTo(new RunOutcome(1, "s1", RunStatus.FAILED, Optional.empty(),
        Optional.of(FailureKind.LIMIT_EXCEEDED), Optional.of(WellKnownBlob.MAX_TURNS_EXCEEDED.ref())));
    assertThat(host.generations()).hasSize(2);
    assertEveryToolCallHasAResult(host.state().context().entries());
  }

  @Test
  void aRunsOwnLimitOverridesTheSessions() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":5}"), READ).modelFallback(alwaysCallsATool());
    host.admit(run("s1", "loop", "{\"limits\":{\"maxTurns\":1}}"));
    host.runUntilQuiet();
    assertThat(host.generations()).hasSize(1);
    assertThat(host.events(RunEvent.Failed.class)).extracting(RunEvent.Failed::message)
        .containsExactly("run 1 reached its limit of 1 turns (limits.maxTurns)");
  }

  @Test
  void aMaxTurnsOfZeroFailsTheRunBeforeAnyTurn() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":0}"));
    int mark = host.mark();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started", "run.failed");
    assertThat(host.generations()).isEmpty();
  }

  @Test
  void aFinalTurnAtTheTurnLimitCompletesTheRun() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":2}"), READ).reply(calls(call("c1", "read")), finalText("just in time"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void reachingMaxToolRoundsFailsTheRunAndTheUnrunCallsStillGetResults() {
    TestHost host = TestHost.open(withLimits("{\"maxToolRounds\":1}"), READ).modelFallback(alwaysCallsATool());
    int mark = host.mark();
    host.admit(run("s1", "loop forever"));
    host.runUntilQuiet();

    List<String> kinds = host.kindsSince(mark);
    assertThat(kinds).filteredOn("tool.batch_started"::equals).hasSize(1);
    assertThat(kinds.subList(kinds.size() - 2, kinds.size())).containsExactly("turn.generation_completed", "run.failed");
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(new RunEvent.Failed(1, FailureKind.LIMIT_EXCEEDED,
        WellKnownBlob.MAX_TOOL_ROUNDS_EXCEEDED.ref(), "run 1 reached its limit of 1 tool rounds (limits.maxToolRounds)"));
    assertThat(host.toolRequests()).hasSize(1);
    assertEveryToolCallHasAResult(host.state().context().entries());
    ContextEntry last = host.state().context().entries().get(host.state().context().entries().size() - 1);
    assertThat(last.item().callId()).isEqualTo("c2");
    assertThat(last.item().content()).isEqualTo(WellKnownBlob.TOOL_CANCELLED.ref());
    assertThat(last.item().isError()).isTrue();
  }

  @Test
  void aRunWithoutAConfiguredModelFailsWithInternalAndTheSessionTakesTheNextRun() {
    TestHost host = TestHost.open(Json.Obj.EMPTY);
    int mark = host.mark();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started", "run.failed");
    WellKnownBlob reason = WellKnownBlob.NO_MODEL_CONFIGURED;
    assertThat(host.events(RunEvent.Failed.class)).containsExactly(new RunEvent.Failed(1, FailureKind.INTERNAL, reason.ref(), reason.text()));
    assertThat(host.state().runs().busy()).isFalse();

    host.admit(run("s2", "again"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(2L).failure()).contains(FailureKind.INTERNAL);

    host.admit(new Command.ReplaceConfig(OptionalLong.empty(), MODEL_CONFIG));
    host.reply(finalText("finally"));
    host.admit(run("s3", "third time"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished().get(3L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aQueuedRunStartsAfterTheActiveRunFailsOnALimit() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":1}"), READ).modelFallback(alwaysCallsATool());
    host.admit(run("s1", "first"));
    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    assertThat(host.state().runs().finished()).containsOnlyKeys(1L, 2L);
    assertThat(host.state().runs().finished().values()).extracting(RunOutcome::failure).containsOnly(Optional.of(FailureKind.LIMIT_EXCEEDED));
  }

  @Test
  void steeringDuringTheLastAllowedTurnFailsTheRunAtTheLimitRatherThanGrantingAnExtraTurn() {
    TestHost host = TestHost.open(withLimits("{\"maxTurns\":1}"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(TestHost.steer("one more thing"));
    host.runUntilQuiet();
    int mark = host.mark();

    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("turn.generation_completed", "turn.completed", "run.steering_delivered", "run.failed");
    assertThat(host.state().runs().finished().get(1L).failure()).contains(FailureKind.LIMIT_EXCEEDED);
    assertThat(host.generations()).hasSize(1);
  }
}
