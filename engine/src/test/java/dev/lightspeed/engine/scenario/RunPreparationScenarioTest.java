package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.FETCH;
import static dev.lightspeed.engine.scenario.TestHost.READ;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.hold;
import static dev.lightspeed.engine.scenario.TestHost.json;
import static dev.lightspeed.engine.scenario.TestHost.keyed;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A session that grants host features has each run prepared before its first turn: the host refreshes the
 * entries it derives from the world (here a stand-in for the file catalog), and a queued run sees them as
 * they are when it starts, not as they were when it was queued.
 */
class RunPreparationScenarioTest {
  private static final Json.Obj WITH_FEATURES = json("{\"model\":{\"providerId\":\"test\",\"apiKind\":\"openai:responses\",\"model\":\"m-1\"},"
      + "\"features\":{\"vfs\":{\"workspaceLinks\":[]}}}");

  private static ContextItem catalog(String content) {
    return keyed("vfs.catalog", EntryKind.VFS_CATALOG, content);
  }

  private static List<String> contents(LlmRequest request) {
    return request.context().stream().map(ContextEntry::item).map(ContextItem::preview).toList();
  }

  @Test
  void aSessionWithoutFeaturesIsNeverAskedToPrepare() {
    TestHost host = TestHost.open().reply(finalText("done"));
    int mark = host.mark();
    host.admit(run("s1", "hello"));
    host.runUntilQuiet();

    assertThat(host.preparedRuns()).isEmpty();
    assertThat(host.kindsSince(mark)).doesNotContain("run.prepared").contains("run.completed");
  }

  @Test
  void eachRunIsPreparedBeforeItsFirstTurnAndAQueuedRunSeesTheWorldAsItStarts() {
    AtomicInteger version = new AtomicInteger();
    TestHost host = TestHost.open(WITH_FEATURES).preparing(run -> new PreparationResult(run, List.of(catalog("files v" + version.get())), List.of()));
    host.reply(hold());
    int mark = host.mark();
    host.admit(run("s1", "first"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsExactly("run.accepted", "run.started", "run.prepared", "turn.started", "turn.planned",
        "turn.generation_requested");
    assertThat(contents(host.heldGenerations().get(0))).containsExactly("files v0", "first");

    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    version.set(1); // the files change while run 2 waits in the queue
    host.answerGeneration(finalText("one"));
    host.reply(finalText("two"));
    host.runUntilQuiet();

    assertThat(host.preparedRuns()).containsExactly(1L, 2L);
    LlmRequest second = host.generations().get(host.generations().size() - 1);
    assertThat(second.run()).isEqualTo(2);
    assertThat(contents(second)).containsExactly("files v1", "first", "one", "second");
    assertThat(host.events(RunEvent.Prepared.class)).containsExactly(
        new RunEvent.Prepared(1, List.of(catalog("files v0")), List.of()), new RunEvent.Prepared(2, List.of(catalog("files v1")), List.of()));
    assertThat(host.state().context().findByKey("vfs.catalog").orElseThrow().source()).isEqualTo(RunEvent.Prepared.SOURCE);
  }

  @Test
  void aQueuedRunGetsTheToolSetAsItIsWhenItStartsAndAnUnchangedSetIsNotRecordedAgain() {
    AtomicReference<List<ToolSpec>> offered = new AtomicReference<>(List.of(READ));
    TestHost host = TestHost.open(WITH_FEATURES).preparing(run -> PreparationResult.unchanged(run).withTools(offered.get()));
    host.reply(hold());
    int mark = host.mark();
    host.admit(run("s1", "first"));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).containsSubsequence("run.started", "tools.replaced", "run.prepared", "turn.started");
    assertThat(host.heldGenerations().get(0).tools()).containsExactly(READ);

    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    offered.set(List.of(READ, FETCH)); // a server offers one more tool while run 2 waits in the queue
    host.answerGeneration(finalText("one"));
    host.reply(finalText("two"), finalText("three"));
    host.runUntilQuiet();
    LlmRequest second = host.generations().get(host.generations().size() - 1);
    assertThat(second.run()).isEqualTo(2);
    assertThat(second.tools()).containsExactlyInAnyOrder(READ, FETCH);

    int before = host.events(ToolsEvent.Replaced.class).size();
    host.admit(run("s3", "third"));
    host.runUntilQuiet();
    assertThat(host.events(ToolsEvent.Replaced.class)).as("the same set again is not recorded").hasSize(before);
    assertThat(host.state().runs().finished()).hasSize(3);
  }

  @Test
  void anUnchangedEntryIsNotRecordedAgainAndAKeyCanBeRemoved() {
    TestHost host = TestHost.open(WITH_FEATURES).preparing(run -> new PreparationResult(run, List.of(catalog("same")), List.of()));
    host.reply(finalText("one"), finalText("two"));
    host.admit(run("s1", "first"));
    host.runUntilQuiet();
    host.admit(run("s2", "second"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Prepared.class).get(1)).isEqualTo(new RunEvent.Prepared(2, List.of(), List.of()));

    host.preparing(run -> new PreparationResult(run, List.of(), List.of("vfs.catalog", "not.there")));
    host.reply(finalText("three"));
    host.admit(run("s3", "third"));
    host.runUntilQuiet();
    assertThat(host.events(RunEvent.Prepared.class).get(2)).isEqualTo(new RunEvent.Prepared(3, List.of(), List.of("vfs.catalog")));
    assertThat(host.state().context().findByKey("vfs.catalog")).isEmpty();
  }

  @Test
  void aPreparationForARunThatNoLongerWaitsIsIgnored() {
    TestHost host = TestHost.open(WITH_FEATURES);
    host.reply(finalText("one"));
    host.admit(run("s1", "first"));
    host.runUntilQuiet();

    assertThat(host.drive().resumePreparation(PreparationResult.unchanged(1))).isFalse();
    assertThat(host.drive().resumePreparation(PreparationResult.unchanged(7))).isFalse();
    assertThat(host.events(RunEvent.Prepared.class)).hasSize(1);
  }

  @Test
  void aCrashBeforeThePreparationIsReportedAsksForItAgainAfterResuming() {
    TestHost host = TestHost.open(WITH_FEATURES).preparing(run -> new PreparationResult(run, List.of(catalog("v")), List.of()));
    host.reply(finalText("one"));
    host.admit(run("s1", "first"));
    while (host.state().runs().active().isEmpty()) {
      Action action = host.nextAction();
      assertThat(action).isInstanceOf(Action.AppendEvents.class);
      host.commit((Action.AppendEvents) action);
    }
    assertThat(host.preparedRuns()).isEmpty(); // run 1 started; its preparation not yet handed out
    host.crashAndResume();
    host.runUntilQuiet();

    assertThat(host.preparedRuns()).containsExactly(1L);
    assertThat(host.events(RunEvent.Prepared.class)).hasSize(1);
    assertThat(host.state().runs().finished()).containsKey(1L);
  }
}
