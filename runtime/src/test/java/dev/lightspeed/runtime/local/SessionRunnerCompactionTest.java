package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.runtime.local.RunnerHarness.admitted;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.testkit.scripted.ScriptedTurn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Standalone and provider compaction through the runner: manual, at the high-water mark, failing, and racing commands. */
class SessionRunnerCompactionTest {
  private static final String STANDALONE = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerStandalone\",\"compact_threshold_tokens\":100}}}";
  private static final String PROVIDER_TRIGGERED = "{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"},"
      + "\"context\":{\"compaction\":{\"mode\":\"providerTriggered\",\"compact_threshold_tokens\":100}}}";

  private static ContextItem instructions(RunnerHarness h, String key, String text) {
    return new ContextItem(key, EntryKind.INSTRUCTIONS, EntryRole.SYSTEM, h.blobs.put(U, text.getBytes(StandardCharsets.UTF_8)), "text/plain",
        null, text, 1, null, false);
  }

  @Test
  void aManualCompactionWhileIdlePutsTheSummaryWhereThePrunedEntriesStoodAndKeepsInstructions() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      h.submit(new Command.UpsertContext(OptionalLong.empty(), List.of(instructions(h, "instructions/main", "be kind"))));
      h.model.reply("first answer").reply("second answer");
      h.outcome(h.startRun("sub-1", "first question"));
      h.runner.awaitQuiet(WAIT);
      List<ContextEntry> before = h.runner.state().context().entries();
      long head = h.head();

      Admission compact = h.submit(new Command.CompactContext());
      h.runner.awaitQuiet(WAIT);

      assertThat(compact).isInstanceOf(Admission.Admitted.class);
      assertThat(h.kindsAfter(head)).containsExactly("context.compaction_requested", "context.compaction_finished");
      assertThat(h.model.compactions()).hasSize(1);
      CompactionRequest request = h.model.compactions().get(0);
      assertThat(request.compactable()).extracting(e -> h.text(e.item().content())).containsExactly("first question");
      assertThat(request.context()).isEqualTo(before);
      List<ContextEntry> after = h.runner.state().context().entries();
      assertThat(after).extracting(ContextEntry::kind).containsExactly(EntryKind.INSTRUCTIONS, EntryKind.COMPACTION, EntryKind.MESSAGE);
      assertThat(after.get(0)).isEqualTo(before.get(0));
      assertThat(after.get(0).key()).isEqualTo("instructions/main");
      assertThat(h.text(after.get(1).item().content())).isEqualTo("summary of 1 entries");
      assertThat(after.get(1).source()).isEqualTo(new EntrySource.Runtime("compaction"));
      assertThat(h.text(after.get(2).item().content())).as("the answer the model has not seen yet survives").isEqualTo("first answer");
      assertThat(h.runner.state().context().pendingCompaction()).isEmpty();

      h.outcome(h.startRun("sub-2", "second question"));
      List<ContextEntry> seen = h.model.requests().get(1).context();
      assertThat(seen).extracting(ContextEntry::kind)
          .containsExactly(EntryKind.INSTRUCTIONS, EntryKind.COMPACTION, EntryKind.MESSAGE, EntryKind.MESSAGE);
      assertThat(h.text(seen.getLast().item().content())).isEqualTo("second question");
      assertThat(SessionLoader.load(h.log, U, h.id)).isEqualTo(h.runner.state());
    }
  }

  @Test
  void aManualCompactionWithNothingToCompactIsRejected() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL)) {
      assertThat(h.submit(new Command.CompactContext())).isEqualTo(new Admission.Rejected(Rejection.rejected("there is nothing to compact yet")));
      assertThat(h.model.compactions()).isEmpty();
    }
  }

  @Test
  void crossingTheHighWaterMarkCompactsExactlyOnceBeforeTheNextTurn() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(STANDALONE)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.then(ScriptedTurn.callTools(call("echo", "1")).reportingInputTokens(150))
          .then(ScriptedTurn.reply("done").reportingInputTokens(20));
      long head = h.head();

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "a long question"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(h.model.compactions()).hasSize(1);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(head)).containsExactly(
          "run.accepted", "run.started", "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed",
          "tool.batch_started", "tool.call_started", "tool.call_completed", "tool.batch_completed", "turn.completed",
          "context.compaction_requested", "context.compaction_finished",
          "turn.started", "turn.planned", "turn.generation_requested", "turn.generation_completed", "turn.completed", "run.completed");
      ContextEvent.CompactionRequested requested = h.eventsAfter(head).stream()
          .filter(e -> e instanceof ContextEvent.CompactionRequested).map(e -> (ContextEvent.CompactionRequested) e).findFirst().orElseThrow();
      assertThat(requested.trigger()).isEqualTo(CompactionTrigger.HIGH_WATER);
      assertThat(requested.run()).isEqualTo(1);
      List<ContextEntry> second = h.model.requests().get(1).context();
      assertThat(second.getFirst().kind()).as("the second turn starts from the summary").isEqualTo(EntryKind.COMPACTION);
      assertThat(second).noneMatch(e -> e.source() instanceof EntrySource.RunInput);
      assertThat(second).extracting(ContextEntry::kind).containsExactly(EntryKind.COMPACTION, EntryKind.TOOL_CALL, EntryKind.TOOL_RESULT);
    }
  }

  @Test
  void aFailedCompactionLeavesTheContextAsItWasAndTheRunGoesOn() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(STANDALONE)) {
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.failNextCompaction("compaction endpoint is down")
          .then(ScriptedTurn.callTools(call("echo", "1")).reportingInputTokens(150))
          .then(ScriptedTurn.reply("done").reportingInputTokens(20));

      RunOutcome outcome = h.outcome(h.startRun("sub-1", "a long question"));

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsSubsequence("turn.completed", "context.compaction_requested", "context.compaction_failed", "turn.started")
          .doesNotContain("context.compaction_finished");
      assertThat(h.eventsAfter(0)).filteredOn(e -> e instanceof ContextEvent.CompactionFailed)
          .extracting(e -> ((ContextEvent.CompactionFailed) e).message()).containsExactly("compaction endpoint is down");
      assertThat(h.model.requests().get(1).context()).extracting(ContextEntry::kind)
          .containsExactly(EntryKind.MESSAGE, EntryKind.TOOL_CALL, EntryKind.TOOL_RESULT);
    }
  }

  @Test
  void aProviderCompactionItemPrunesTheEntriesBeforeIt() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(PROVIDER_TRIGGERED)) {
      h.submit(new Command.UpsertContext(OptionalLong.empty(), List.of(instructions(h, "instructions/main", "be kind"))));
      h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> args);
      h.installTools();
      h.model.callTools(call("echo", "1")).then(ScriptedTurn.callTools(call("echo", "2")).withCompactionItem("the story so far")).reply("done");

      assertThat(h.outcome(h.startRun("sub-1", "go")).status()).isEqualTo(RunStatus.COMPLETED);

      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).containsSubsequence("turn.generation_completed", "context.pruned", "tool.batch_started");
      assertThat(h.model.compactions()).isEmpty();
      List<ContextEntry> third = h.model.requests().get(2).context();
      assertThat(third).extracting(ContextEntry::kind)
          .containsExactly(EntryKind.INSTRUCTIONS, EntryKind.COMPACTION, EntryKind.TOOL_CALL, EntryKind.TOOL_RESULT);
      assertThat(h.text(third.get(1).item().content())).isEqualTo("compaction:the story so far");
    }
  }

  @Test
  void aCommandAdmittedDuringACompactionDoesNotAbortIt() throws Exception {
    try (RunnerHarness h = RunnerHarness.open(MODEL, GatedModel::new)) {
      Gate compaction = h.gated().gateCompaction(1);
      h.model.reply("first answer").reply("second answer");
      h.outcome(h.startRun("sub-1", "first question"));
      h.runner.awaitQuiet(WAIT);
      h.submit(new Command.CompactContext());
      compaction.awaitEntered();

      long run2 = admitted(h.submit(h.requestRun("sub-2", "second question"))).run();
      compaction.release();
      RunOutcome outcome = h.outcome(run2);

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      h.runner.awaitQuiet(WAIT);
      assertThat(h.kindsAfter(0)).contains("context.compaction_finished").doesNotContain("context.compaction_failed");
      assertThat(h.kindsAfter(0)).containsSubsequence("context.compaction_requested", "run.accepted", "context.compaction_finished", "run.started");
    }
  }
}
