package dev.lightspeed.engine.context;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Placing, removing, pruning and compacting context entries, the request order, and the transcript chain. */
class ContextStateTest {

  private static final EntrySource EDIT = EntrySource.CONTEXT_EDIT;

  private static BlobRef ref(String seed) {
    return BlobRef.sha256(seed.getBytes(UTF_8));
  }

  private static ContextItem item(String key, EntryKind kind, String content) {
    return new ContextItem(key, kind, EntryRole.NONE, ref(content), "text/plain", null, content, 1, null, false);
  }

  private static ContextItem message(String content) {
    return ContextItem.message(EntryRole.USER, ref(content), content, 1);
  }

  private static ContextState place(ContextState c, ContextItem... items) {
    return c.place(List.of(items), i -> EDIT);
  }

  private static List<String> describe(List<ContextEntry> entries) {
    return entries.stream().map(e -> e.id() + ":" + e.item().preview()).toList();
  }

  @Test
  void placingAppendsItemsWithFreshIdsAndBumpsTheRevisionOnce() {
    ContextState c = place(ContextState.EMPTY, message("a"), message("b"));
    assertThat(describe(c.entries())).containsExactly("1:a", "2:b");
    assertThat(c.revision()).isEqualTo(1);
    assertThat(c.nextEntryId()).isEqualTo(3);
  }

  @Test
  void aKeyedItemReplacesTheEntryWithItsKeyInPlace() {
    ContextState c = place(ContextState.EMPTY, item("k", EntryKind.MESSAGE, "old"), message("after"));
    c = place(c, item("k", EntryKind.MESSAGE, "new"));
    assertThat(describe(c.entries())).containsExactly("3:new", "2:after");
    assertThat(c.findByKey("k").map(ContextEntry::id)).contains(3L);
    assertThat(c.findByKey("missing")).isEmpty();
  }

  @Test
  void theChainIsTheSameWhetherExtendedEntryByEntryOrRecomputed() {
    ContextState appended = place(place(ContextState.EMPTY, message("a")), message("b"), message("c"));
    ContextState rebuilt = place(ContextState.EMPTY, message("a"), message("b"), message("c"), message("d")).removeWhere(e -> e.id() == 4);
    assertThat(appended.chain()).isEqualTo(rebuilt.chain()).hasSize(64);
    assertThat(appended.removeWhere(e -> false).chain()).isEqualTo(appended.chain());
  }

  @Test
  void theChainCoversTheTranscriptButNotInstructionsOrCatalogs() {
    ContextState plain = place(ContextState.EMPTY, message("a"));
    ContextState withPrefix = place(ContextState.EMPTY, item("i", EntryKind.INSTRUCTIONS, "x"), item("v", EntryKind.VFS_CATALOG, "y"));
    assertThat(withPrefix.chain()).isEmpty();
    assertThat(place(withPrefix, message("a")).chain()).isNotEqualTo(plain.chain());
    assertThat(ContextState.EMPTY.chain()).isEmpty();
    assertThat(place(ContextState.EMPTY, message("b")).chain()).isNotEqualTo(plain.chain());
  }

  @Test
  void theRequestOrderPutsInstructionsByKeyThenSkillCatalogsThenVfsCatalogsThenEverythingElse() {
    ContextState c = place(ContextState.EMPTY,
        message("m1"),
        item("vfs", EntryKind.VFS_CATALOG, "vfs"),
        item("inst/z", EntryKind.INSTRUCTIONS, "z"),
        item("skills", EntryKind.SKILL_CATALOG, "skills"),
        item("inst/a", EntryKind.INSTRUCTIONS, "a"),
        item(null, EntryKind.INSTRUCTIONS, "unkeyed"),
        item(null, EntryKind.TOOL_RESULT, "result"));
    assertThat(describe(c.ordered())).containsExactly("5:a", "3:z", "6:unkeyed", "4:skills", "2:vfs", "1:m1", "7:result");
    assertThat(describe(c.stablePrefix())).containsExactly("5:a", "3:z", "6:unkeyed", "4:skills", "2:vfs");
  }

  @Test
  void onlyConsumedUnkeyedPrunableEntriesBeforeTheMarkArePrunable() {
    ContextState c = place(ContextState.EMPTY,
        item("inst", EntryKind.INSTRUCTIONS, "inst"),
        message("consumed"),
        item("note", EntryKind.MESSAGE, "keyed"),
        item(null, EntryKind.SKILL_ACTIVATION, "skill"),
        message("unconsumed")).withConsumedThrough(4);
    assertThat(c.entries()).filteredOn(e -> c.prunable(e, 6)).extracting(ContextEntry::id).containsExactly(2L);
    assertThat(c.hasPrunableBefore(6)).isTrue();
    assertThat(c.hasPrunableBefore(2)).isFalse();
    assertThat(describe(c.pruneBefore(6).entries())).containsExactly("1:inst", "3:keyed", "4:skill", "5:unconsumed");
  }

  @Test
  void compactingPlacesTheItemsWhereTheFirstPrunedEntryStood() {
    ContextState c = place(ContextState.EMPTY, item("inst", EntryKind.INSTRUCTIONS, "inst"), message("a"), item("k", EntryKind.MESSAGE, "keyed"),
        message("b"), message("new")).withConsumedThrough(4);
    ContextState compacted = c.compact(5, List.of(item(null, EntryKind.COMPACTION, "summary")), new EntrySource.Runtime("compaction"));
    assertThat(describe(compacted.entries())).containsExactly("1:inst", "6:summary", "3:keyed", "5:new");
    assertThat(compacted.nextEntryId()).isEqualTo(7);
    assertThat(compacted.revision()).isEqualTo(c.revision() + 1);
    assertThat(compacted.chain()).isEqualTo(compacted.removeWhere(e -> false).chain());
  }

  @Test
  void compactingWithNothingPrunablePlacesTheItemsAtTheEnd() {
    ContextState c = place(ContextState.EMPTY, message("a"), item("inst", EntryKind.INSTRUCTIONS, "inst"), message("b"));
    ContextState compacted = c.compact(4, List.of(item(null, EntryKind.COMPACTION, "summary")), new EntrySource.Runtime("compaction"));
    assertThat(describe(compacted.ordered())).containsExactly("2:inst", "1:a", "3:b", "4:summary");
  }

  @Test
  void removingEntriesKeepsTheRestInOrder() {
    ContextState c = place(ContextState.EMPTY, message("a"), message("b"), message("c"));
    ContextState removed = c.removeWhere(e -> e.id() == 2);
    assertThat(describe(removed.entries())).containsExactly("1:a", "3:c");
    assertThat(removed.revision()).isEqualTo(2);
    assertThat(removed.nextEntryId()).isEqualTo(4);
  }

  @Test
  void pendingCompactionsAdvanceTheNextCompactionId() {
    ContextState c = ContextState.EMPTY.withPendingCompaction(new ContextState.PendingCompaction(1, ContextState.CompactionTrigger.MANUAL, 0, 1));
    assertThat(c.nextCompactionId()).isEqualTo(2);
    assertThat(c.withoutPendingCompaction().pendingCompaction()).isEmpty();
    assertThat(c.withoutPendingCompaction().nextCompactionId()).isEqualTo(2);
  }

  @Test
  void compactionTriggersHaveWireNames() {
    assertThat(ContextState.CompactionTrigger.fromWire("highWater")).isEqualTo(ContextState.CompactionTrigger.HIGH_WATER);
    assertThat(ContextState.CompactionTrigger.MANUAL.wireName()).isEqualTo("manual");
  }
}
