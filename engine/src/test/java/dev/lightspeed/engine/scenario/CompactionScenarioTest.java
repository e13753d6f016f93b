package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.callsWithUsage;
import static dev.lightspeed.engine.scenario.TestHost.compactTo;
import static dev.lightspeed.engine.scenario.TestHost.compactionItem;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.instructions;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.keyed;
import static dev.lightspeed.engine.scenario.TestHost.ref;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.core.Requests;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.CompactionPolicy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Manual, provider-triggered and high-water compaction, as bookkeeping: what is pruned, what survives, where the result goes. */
class CompactionScenarioTest {

  private static final Json.Obj TRIGGERED = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerTriggered\",\"compact_threshold_tokens\":1000}}}");
  private static final Json.Obj STANDALONE = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":1000,\"target_tokens\":300}}}");

  private static List<String> describe(List<ContextEntry> entries) {
    return entries.stream().map(e -> e.id() + ":" + (e.key() != null ? e.key() : e.kind().wireName())).toList();
  }

  /**
   * Instructions, a keyed note and a VFS catalog (ids 1-3), then run 1: user input (4), a tool call (5), its
   * result (6) and the final answer (7). Entries 4-6 were consumed by turn 2; 7 was never sent to the model.
   */
  private static TestHost afterOneRun() {
    TestHost host = TestHost.open().reply(calls(call("c1", "read")), finalText("done"));
    host.admit(upsert(instructions("inst/a", "be kind"), keyed("note", EntryKind.MESSAGE, "remember"), keyed("vfs", EntryKind.VFS_CATALOG, "files")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(describe(host.state().context().entries())).containsExactly("1:inst/a", "2:note", "3:vfs", "4:message", "5:toolCall", "6:toolResult",
        "7:message");
    assertThat(host.state().context().consumedThroughId()).isEqualTo(6);
    return host;
  }

  @Test
  void aManualCompactionReplacesThePrunableEntriesWhereTheyStood() {
    TestHost host = afterOneRun();
    int mark = host.mark();
    assertThat(host.admit(new Command.CompactContext()))
        .isEqualTo(new Admission.Admitted(List.of(new ContextEvent.CompactionRequested(1, CompactionTrigger.MANUAL, 0, 8)), 0));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));

    CompactionRequest request = host.heldCompactions().get(0);
    assertThat(request.compaction()).isEqualTo(1);
    assertThat(request.model()).isEqualTo(new ModelRef("test", "openai:responses", "m-1"));
    assertThat(request.policy()).isEqualTo(CompactionPolicy.DISABLED);
    assertThat(request.context()).isEqualTo(host.state().context().ordered());
    assertThat(request.compactable()).extracting(ContextEntry::id).containsExactly(4L, 5L, 6L);

    assertThat(host.answerCompaction(new CompactionResult.Completed(1, List.of(compactionItem("summary")), new Usage(500, 40, 0, 0)))).isTrue();
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("context.compaction_requested", "context.compaction_finished");
    assertThat(host.eventsSince(mark).get(1))
        .isEqualTo(new ContextEvent.CompactionFinished(1, 0, List.of(compactionItem("summary")), new Usage(500, 40, 0, 0)));
    assertThat(describe(host.state().context().entries())).containsExactly("1:inst/a", "2:note", "3:vfs", "8:compaction", "7:message");
    assertThat(host.state().context().entries().get(3).source()).isEqualTo(new EntrySource.Runtime("compaction"));
    assertThat(host.state().context().pendingCompaction()).isEmpty();
  }

  @Test
  void theRequestDerivedFromTheStateIsTheOneTheDriveHandsOut() {
    TestHost host = afterOneRun();
    assertThat(Requests.compaction(host.state())).isEmpty();
    host.admit(new Command.CompactContext());
    host.runUntilQuiet();

    CompactionRequest handedOut = host.heldCompactions().get(0);
    assertThat(Requests.compaction(host.state())).contains(handedOut);
    host.answerCompaction(new CompactionResult.Completed(handedOut.compaction(), List.of(compactionItem("summary")), Usage.ZERO));
    host.runUntilQuiet();
    assertThat(Requests.compaction(host.state())).isEmpty();
  }

  @Test
  void aHighWaterCompactionRequestIsDerivedFromTheStateToo() {
    TestHost host = TestHost.open(STANDALONE, READ).reply(callsWithUsage(1500, call("c1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    CompactionRequest handedOut = host.heldCompactions().get(0);
    assertThat(handedOut.policy().mode()).isEqualTo(CompactionPolicy.Mode.PROVIDER_STANDALONE);
    assertThat(Requests.compaction(host.state())).contains(handedOut);
    assertThat(Requests.compaction(TestHost.open(STANDALONE, READ).state())).isEmpty();
  }

  @Test
  void whileACompactionIsPendingEditsAreRejectedAndRunsWait() {
    TestHost host = afterOneRun();
    host.admit(new Command.CompactContext());
    host.runUntilQuiet();

    assertThat(host.reject(new Command.CompactContext())).isEqualTo(new Rejection(RejectionKind.REJECTED, "a compaction is already in progress"));
    assertThat(host.reject(upsert(instructions("inst/b", "x"))))
        .isEqualTo(new Rejection(RejectionKind.REJECTED, "the context is being compacted; retry when it finishes"));
    int mark = host.mark();
    host.admit(run("s2", "next"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.accepted");
    assertThat(host.state().runs().queue()).hasSize(1);

    host.answerCompaction(new CompactionResult.Completed(1, List.of(compactionItem("summary")), Usage.ZERO));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).startsWith("run.accepted", "context.compaction_finished", "run.started", "turn.started");
    assertThat(host.heldGenerations().get(0).context()).extracting(e -> e.id() + ":" + (e.key() != null ? e.key() : e.kind().wireName()))
        .containsExactly("1:inst/a", "3:vfs", "2:note", "8:compaction", "7:message", "9:message");
  }

  @Test
  void aFailedCompactionLeavesTheContextAsItWas() {
    TestHost host = afterOneRun();
    List<ContextEntry> before = host.state().context().entries();
    host.compaction(r -> Optional.of(new CompactionResult.Failed(r.compaction(), ref("error"), "provider refused")));
    host.admit(new Command.CompactContext());
    int mark = host.mark();
    host.runUntilQuiet();
    assertThat(host.eventsSince(mark)).containsExactly(new ContextEvent.CompactionRequested(1, CompactionTrigger.MANUAL, 0, 8),
        new ContextEvent.CompactionFailed(1, 0, ref("error"), "provider refused"));
    assertThat(host.state().context().entries()).isEqualTo(before);
    assertThat(host.state().context().pendingCompaction()).isEmpty();
  }

  @Test
  void aCompactionWithoutAModelFailsWithoutReachingTheHost() {
    TestHost host = afterOneRun();
    host.admit(new Command.ReplaceConfig(OptionalLong.empty(), Json.Obj.EMPTY));
    host.runUntilQuiet();
    int mark = host.mark();
    host.admit(new Command.CompactContext());
    host.runUntilQuiet();
    WellKnownBlob reason = WellKnownBlob.NO_MODEL_CONFIGURED;
    assertThat(host.eventsSince(mark)).containsExactly(new ContextEvent.CompactionRequested(1, CompactionTrigger.MANUAL, 0, 8),
        new ContextEvent.CompactionFailed(1, 0, reason.ref(), reason.text()));
    assertThat(host.compactionRequests()).isEmpty();
  }

  @Test
  void thereIsNothingToCompactBeforeTheModelHasSeenAnything() {
    TestHost host = TestHost.open();
    host.admit(upsert(instructions("inst/a", "be kind")));
    host.runUntilQuiet();
    assertThat(host.reject(new Command.CompactContext())).isEqualTo(new Rejection(RejectionKind.REJECTED, "there is nothing to compact yet"));
  }

  @Test
  void theProviderTriggeredPolicyTravelsWithEveryRequestAndItsCompactionItemEntersTheContext() {
    TestHost host = TestHost.open(TRIGGERED, READ)
        .reply(calls(call("c1", "read")), TestHost.outputs(List.of(compactionItem("t2"), TestHost.assistantMessage("done")), List.of(), 1200));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.generations()).extracting(r -> r.compaction())
        .containsOnly(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_TRIGGERED, 1000, 0));
    assertThat(host.state().context().entries()).anyMatch(e -> e.kind() == EntryKind.COMPACTION);
    assertThat(host.compactionRequests()).isEmpty();
  }

  @Test
  void aCompactionItemFromTheProviderPrunesTheOlderPrunableEntries() {
    TestHost host = TestHost.open(TRIGGERED, READ)
        .reply(calls(call("c1", "read")), TestHost.outputs(List.of(compactionItem("t2"), TestHost.assistantMessage("done")), List.of(), 1200));
    host.admit(upsert(instructions("inst/a", "be kind")));
    host.admit(run("s1", "go"));
    int mark = host.mark();
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsSubsequence("turn.generation_completed", "context.pruned", "turn.completed", "run.completed");
    assertThat(host.events(ContextEvent.Pruned.class)).containsExactly(new ContextEvent.Pruned(1, 5));
    assertThat(describe(host.state().context().entries())).containsExactly("1:inst/a", "5:compaction", "6:message");
  }

  @Test
  void aProviderCompactionKeepsKeyedEntriesAndTheCurrentTurnsOutputsAndPrunesOnlyOnce() {
    TestHost host = TestHost.open(TRIGGERED, READ).toolMode(TestHost.ToolMode.HOLD)
        .reply(calls(call("c1", "read")), TestHost.outputs(List.of(compactionItem("t2"), TestHost.toolCallItem(call("c2", "read"))),
            List.of(call("c2", "read")), 1200), finalText("done"));
    host.admit(upsert(keyed("note", EntryKind.MESSAGE, "remember")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.answerCall("c1");
    int mark = host.mark();
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("tool.call_completed", "tool.batch_completed", "turn.completed", "turn.started",
        "turn.planned", "turn.generation_requested", "turn.generation_completed", "context.pruned", "tool.batch_started", "tool.call_started");
    host.answerCall("c2");
    host.runUntilQuiet();

    assertThat(host.events(ContextEvent.Pruned.class)).containsExactly(new ContextEvent.Pruned(1, 5));
    assertThat(describe(host.state().context().entries()))
        .containsExactly("1:note", "5:compaction", "6:toolCall", "7:toolResult", "8:message");
    assertThat(host.generations().get(2).context()).extracting(ContextEntry::id).containsExactly(1L, 5L, 6L, 7L);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aCompactionItemThatLandsWhileCancellingStillPrunes() {
    TestHost host = TestHost.open(TRIGGERED, READ).reply(calls(call("c1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    host.admit(new Command.CancelRun(0));
    host.runUntilQuiet();
    host.answerGeneration(TestHost.outputs(List.of(compactionItem("late"), TestHost.assistantMessage("stopping")), List.of(), 1200));
    host.runUntilQuiet();

    assertThat(host.kinds()).containsSubsequence("turn.generation_completed", "context.pruned", "turn.cancelled", "run.cancelled");
    assertThat(describe(host.state().context().entries())).containsExactly("4:compaction", "5:message");
  }

  @Test
  void reachingTheHighWaterMarkCompactsOnceBeforeTheNextTurn() {
    TestHost host = TestHost.open(STANDALONE, READ)
        .reply(callsWithUsage(1500, call("c1", "read")), finalText("done", 200))
        .compaction(compactTo(compactionItem("summary")));
    int mark = host.mark();
    host.admit(run("s1", "go"));
    host.runUntilQuiet();

    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started",
        "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed",
        "tool.batch_started", "tool.call_started", "tool.call_completed", "tool.batch_completed", "turn.completed",
        "context.compaction_requested", "context.compaction_finished",
        "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
    assertThat(host.events(ContextEvent.CompactionRequested.class))
        .containsExactly(new ContextEvent.CompactionRequested(1, CompactionTrigger.HIGH_WATER, 1, 4));
    CompactionRequest request = host.compactionRequests().get(0);
    assertThat(request.policy()).isEqualTo(new CompactionPolicy(CompactionPolicy.Mode.PROVIDER_STANDALONE, 1000, 300));
    assertThat(request.compactable()).extracting(ContextEntry::id).containsExactly(1L);
    assertThat(host.generations().get(1).context()).extracting(e -> e.id() + ":" + e.kind().wireName())
        .containsExactly("4:compaction", "2:toolCall", "3:toolResult");
    assertThat(host.state().context().lastInputTokens()).isEqualTo(200);

    host.reply(finalText("again", 300));
    host.admit(run("s2", "more"));
    host.runUntilQuiet();
    assertThat(host.events(ContextEvent.CompactionRequested.class)).hasSize(1);
  }

  @Test
  void belowTheHighWaterMarkNothingIsCompacted() {
    TestHost host = TestHost.open(STANDALONE, READ).reply(callsWithUsage(999, call("c1", "read")), finalText("done", 999));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.kinds()).doesNotContain("context.compaction_requested");
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void aHighWaterMarkReachedByAFinalTurnCompactsBeforeTheNextRunsFirstTurn() {
    TestHost host = TestHost.open(STANDALONE, READ).reply(finalText("big", 1500), finalText("small", 10))
        .compaction(compactTo(compactionItem("summary")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.kinds()).doesNotContain("context.compaction_requested");
    int mark = host.mark();

    host.admit(run("s2", "next"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).startsWith("run.accepted", "run.started", "context.compaction_requested", "context.compaction_finished",
        "turn.started");
    assertThat(host.events(ContextEvent.CompactionRequested.class)).containsExactly(new ContextEvent.CompactionRequested(1, CompactionTrigger.HIGH_WATER, 2, 4));
    assertThat(host.generations().get(1).context()).extracting(e -> e.id() + ":" + e.item().preview())
        .containsExactly("4:null", "2:big", "3:next");
  }

  @Test
  void aFailedHighWaterCompactionLetsTheTurnProceedWithoutRetrying() {
    TestHost host = TestHost.open(STANDALONE, READ).reply(callsWithUsage(1500, call("c1", "read")), finalText("done", 1500))
        .compaction(r -> Optional.of(new CompactionResult.Failed(r.compaction(), ref("error"), "no")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.kinds()).containsSubsequence("turn.completed", "context.compaction_requested", "context.compaction_failed", "turn.started");
    assertThat(host.events(ContextEvent.CompactionRequested.class)).hasSize(1);
    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
  }

  @Test
  void cancellingDuringAHighWaterCompactionWaitsForItThenCancels() {
    TestHost host = TestHost.open(STANDALONE, READ).reply(callsWithUsage(1500, call("c1", "read")));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    assertThat(host.heldCompactions()).hasSize(1);
    int mark = host.mark();

    host.admit(new Command.CancelRun(0));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Idle(1));
    host.answerCompaction(new CompactionResult.Completed(1, List.of(compactionItem("summary")), Usage.ZERO));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.cancellation_requested", "context.compaction_finished", "run.cancelled");
    assertThat(host.generations()).hasSize(1);
  }

  @Test
  void aCompactionResultThatArrivesAfterTheSessionClosedIsIgnored() {
    TestHost host = afterOneRun();
    host.admit(new Command.CompactContext());
    host.runUntilQuiet();
    assertThat(host.heldCompactions()).hasSize(1);
    host.admit(new Command.CloseSession(false));
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());

    assertThat(host.answerCompaction(new CompactionResult.Completed(1, List.of(compactionItem("late")), Usage.ZERO))).isFalse();
    assertThat(host.runUntilQuiet()).isEqualTo(new Action.Closed());
  }
}
