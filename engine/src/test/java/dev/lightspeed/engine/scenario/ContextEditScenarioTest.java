package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.instructions;
import static dev.lightspeed.engine.scenario.TestHost.keyed;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.text;
import static dev.lightspeed.engine.scenario.TestHost.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.command.RejectionKind;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.llm.LlmRequest;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Context edits (upsert, remove, prefix replace), their guards, and the order the model sees entries in. */
class ContextEditScenarioTest {

  private static ContextItem note(String key, String content) {
    return keyed(key, EntryKind.MESSAGE, content);
  }

  private static List<String> keys(List<ContextEntry> entries) {
    return entries.stream().map(e -> e.key() == null ? "#" + e.id() : e.key()).toList();
  }

  @Test
  void upsertingNewKeysAppendsThemInOrder() {
    TestHost host = TestHost.open();
    int mark = host.mark();
    host.admit(upsert(note("a", "1"), note("b", "2")));
    host.runUntilQuiet();

    assertThat(host.eventsSince(mark)).containsExactly(new ContextEvent.EntriesApplied(EntrySource.CONTEXT_EDIT, List.of(note("a", "1"), note("b", "2"))));
    assertThat(host.state().context().entries()).containsExactly(
        new ContextEntry(1, EntrySource.CONTEXT_EDIT, note("a", "1")), new ContextEntry(2, EntrySource.CONTEXT_EDIT, note("b", "2")));
    assertThat(host.state().context().revision()).isEqualTo(1);
  }

  @Test
  void upsertingAKeyWithTheSameContentAppendsNothing() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1"), note("b", "2")));
    host.runUntilQuiet();
    int mark = host.mark();

    assertThat(host.admit(upsert(note("b", "2"), note("a", "1"))).events()).isEmpty();
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).isEmpty();
    assertThat(host.state().context().revision()).isEqualTo(1);
  }

  @Test
  void upsertingAKeyWithNewContentReplacesTheEntryInPlaceUnderANewId() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1"), note("b", "2"), note("c", "3")));
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(upsert(note("b", "2 again"), note("a", "1")));
    host.runUntilQuiet();

    assertThat(host.eventsSince(mark)).containsExactly(new ContextEvent.EntriesApplied(EntrySource.CONTEXT_EDIT, List.of(note("b", "2 again"))));
    assertThat(host.state().context().entries()).containsExactly(
        new ContextEntry(1, EntrySource.CONTEXT_EDIT, note("a", "1")),
        new ContextEntry(4, EntrySource.CONTEXT_EDIT, note("b", "2 again")),
        new ContextEntry(3, EntrySource.CONTEXT_EDIT, note("c", "3")));
    assertThat(host.state().context().nextEntryId()).isEqualTo(5);
  }

  @Test
  void entriesAreRemovedByKeyAndById() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1"), note("b", "2"), note("c", "3")));
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(new Command.RemoveContext(OptionalLong.of(1), List.of("a", "missing"), List.of(3L)));
    host.runUntilQuiet();

    assertThat(host.eventsSince(mark)).containsExactly(new ContextEvent.KeysRemoved(List.of("a")), new ContextEvent.EntriesRemoved(List.of(3L)));
    assertThat(keys(host.state().context().entries())).containsExactly("b");
    assertThat(host.state().context().revision()).isEqualTo(3);
  }

  @Test
  void removingAnEntryByKeyAndByIdAtOnceRemovesItOnce() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1"), note("b", "2")));
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(new Command.RemoveContext(OptionalLong.empty(), List.of("a"), List.of(1L)));
    host.runUntilQuiet();
    assertThat(host.kindsSince(mark)).isNotEmpty();
    assertThat(keys(host.state().context().entries())).containsExactly("b");
  }

  @Test
  void removingOnlyUnknownKeysAppendsNothing() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1")));
    host.runUntilQuiet();
    assertThat(host.admit(new Command.RemoveContext(OptionalLong.empty(), List.of("zzz"), List.of())).events()).isEmpty();
  }

  @Test
  void removingAnUnknownEntryIdIsNotFound() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1")));
    host.runUntilQuiet();
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.empty(), List.of("a"), List.of(99L))))
        .isEqualTo(new Rejection(RejectionKind.NOT_FOUND, "no context entry 99"));
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.empty(), List.of(), List.of())))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "name at least one key or entry id to remove"));
    assertThat(keys(host.state().context().entries())).containsExactly("a");
  }

  @Test
  void replacingAKeyPrefixRemovesEveryKeyUnderItThenPlacesTheNewItemsInOneRevision() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("skills/a", "1"), note("other", "2"), note("skills/b", "3")));
    host.runUntilQuiet();
    int mark = host.mark();

    host.admit(new Command.ReplaceContextPrefix(OptionalLong.of(1), "skills/", List.of(note("skills/c", "4"))));
    host.runUntilQuiet();

    assertThat(host.eventsSince(mark)).containsExactly(
        new ContextEvent.KeyPrefixReplaced("skills/", EntrySource.CONTEXT_EDIT, List.of(note("skills/c", "4"))));
    assertThat(keys(host.state().context().entries())).containsExactly("other", "skills/c");
    assertThat(host.state().context().revision()).isEqualTo(2);

    host.admit(new Command.ReplaceContextPrefix(OptionalLong.empty(), "skills/", List.of()));
    host.runUntilQuiet();
    assertThat(keys(host.state().context().entries())).containsExactly("other");
  }

  @Test
  void aPrefixReplacementWithAKeyOutsideThePrefixIsInvalid() {
    TestHost host = TestHost.open();
    assertThat(host.reject(new Command.ReplaceContextPrefix(OptionalLong.empty(), "skills/", List.of(note("tools/x", "1")))))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "key \"tools/x\" does not start with the prefix \"skills/\""));
    assertThat(host.reject(new Command.ReplaceContextPrefix(OptionalLong.empty(), "", List.of())))
        .isEqualTo(new Rejection(RejectionKind.INVALID_REQUEST, "prefix must be 1-256 characters, got 0"));
  }

  @Test
  void everyEditChecksTheContextRevisionGuard() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1")));
    host.admit(upsert(note("b", "1")));
    host.runUntilQuiet();

    Rejection stale = new Rejection(RejectionKind.CONFLICT, "the context is at revision 2, not 1; read it again and retry");
    assertThat(host.reject(new Command.UpsertContext(OptionalLong.of(1), List.of(note("c", "1"))))).isEqualTo(stale);
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.of(1), List.of("a"), List.of()))).isEqualTo(stale);
    assertThat(host.reject(new Command.ReplaceContextPrefix(OptionalLong.of(1), "a", List.of()))).isEqualTo(stale);
    assertThat(host.admit(new Command.UpsertContext(OptionalLong.of(2), List.of(note("c", "1")))).events()).hasSize(1);
  }

  @Test
  void editsAreRejectedWhileATurnIsOpen() {
    TestHost host = TestHost.open();
    host.admit(upsert(note("a", "1")));
    host.admit(run("s1", "hello"));
    host.runUntilQuiet();
    assertThat(host.state().turnOpen()).isTrue();

    Rejection busy = new Rejection(RejectionKind.REJECTED, "the context can change only between turns; retry when the turn ends");
    assertThat(host.reject(upsert(note("b", "2")))).isEqualTo(busy);
    assertThat(host.reject(new Command.RemoveContext(OptionalLong.empty(), List.of("a"), List.of()))).isEqualTo(busy);
    assertThat(host.reject(new Command.ReplaceContextPrefix(OptionalLong.empty(), "a", List.of()))).isEqualTo(busy);
    assertThat(host.reject(new Command.CompactContext()))
        .isEqualTo(new Rejection(RejectionKind.REJECTED, "the context can be compacted only between turns"));

    host.answerGeneration(finalText("done"));
    host.runUntilQuiet();
    assertThat(host.admit(upsert(note("b", "2"))).events()).hasSize(1);
  }

  @Test
  void theModelSeesInstructionsByKeyThenSkillCatalogThenVfsCatalogThenEverythingElseInEntryOrder() {
    TestHost host = TestHost.open();
    host.admit(upsert(
        note("note-1", "first note"),
        keyed("vfs", EntryKind.VFS_CATALOG, "files"),
        instructions("inst/b", "be brief"),
        keyed("skills", EntryKind.SKILL_CATALOG, "skills"),
        instructions("inst/a", "be kind"),
        note("note-2", "second note")));
    host.admit(upsert(instructions("inst/0", "first of all")));
    host.admit(run("s1", "hello"));
    host.runUntilQuiet();

    LlmRequest request = host.generations().get(0);
    assertThat(request.context()).extracting(e -> e.key() == null ? e.kind().wireName() + ":" + e.item().preview() : e.key())
        .containsExactly("inst/0", "inst/a", "inst/b", "skills", "vfs", "note-1", "note-2", "message:hello");
    assertThat(request.context()).extracting(ContextEntry::id).containsExactly(7L, 5L, 3L, 4L, 2L, 1L, 6L, 8L);
    assertThat(request.context().get(7).item().content()).isEqualTo(text("hello"));
    assertThat(request.context()).containsExactlyElementsOf(host.state().context().ordered());
  }

  @Test
  void theStablePrefixIsUnchangedByTranscriptGrowthSoItsRequestsShareAPrefix() {
    TestHost host = TestHost.open();
    host.admit(upsert(instructions("inst/a", "be kind"), keyed("vfs", EntryKind.VFS_CATALOG, "files")));
    host.reply(finalText("one"), finalText("two"));
    host.admit(run("s1", "hello"));
    host.admit(run("s2", "again"));
    host.runUntilQuiet();

    List<LlmRequest> requests = host.generations();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(1).context().subList(0, requests.get(0).context().size())).isEqualTo(requests.get(0).context());
    assertThat(requests.get(1).context()).extracting(e -> e.item().preview())
        .containsExactly("be kind", "files", "hello", "one", "again");
  }
}
