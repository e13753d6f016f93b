package dev.lightspeed.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionLogRulesTest {
  @Test
  void checkAppendCopiesTheEntries() {
    List<NewEntry> copy = SessionLogRules.checkAppend(0, List.of(entry("a")));

    assertThat(copy).containsExactly(entry("a"));
  }

  @Test
  void checkAppendRejectsEmptyBatchesAndNegativeHeads() {
    assertThatThrownBy(() -> SessionLogRules.checkAppend(0, List.of()))
        .hasMessage("entries is empty: an append needs at least one entry");
    assertThatThrownBy(() -> SessionLogRules.checkAppend(-3, List.of(entry("a")))).hasMessage("expectedHead < 0: -3");
  }

  @Test
  void checkReadAfterBoundsCursorAndLimit() {
    SessionLogRules.checkReadAfter(0, 1);
    SessionLogRules.checkReadAfter(5, 10_000);
    assertThatThrownBy(() -> SessionLogRules.checkReadAfter(-1, 1)).hasMessage("afterSeq < 0: -1");
    assertThatThrownBy(() -> SessionLogRules.checkReadAfter(0, 0)).hasMessage("limit out of range 1..10000: 0");
  }

  @Test
  void checkListNeedsLifecycles() {
    SessionLogRules.checkList(EnumSet.of(SessionLifecycle.NEW), 1);
    assertThatThrownBy(() -> SessionLogRules.checkList(Set.of(), 1))
        .hasMessage("lifecycles is empty: pass every lifecycle to list all sessions");
  }

  @Test
  void retryMatchesOnlyEntriesEqualInEveryFieldButSeq() {
    List<LogEntry> stored = List.of(entry("a").at(4), entry("b").at(5));

    assertThat(SessionLogRules.isRetryOf(stored, List.of(entry("a"), entry("b")))).isTrue();
    assertThat(SessionLogRules.isRetryOf(stored, List.of(entry("a"), entry("c")))).isFalse();
    assertThat(SessionLogRules.isRetryOf(stored, List.of(entry("a")))).isFalse();
    NewEntry laterA = new NewEntry(2, Joins.NONE, entry("a").event());
    assertThat(SessionLogRules.isRetryOf(stored, List.of(laterA, entry("b")))).isFalse();
  }

  @Test
  void storedFormIsTheCanonicalJsonInUtf8() {
    LogEntry entry = entry("héllo").at(1);

    assertThat(new String(SessionLogRules.storedForm(entry), StandardCharsets.UTF_8)).isEqualTo(LogEntryJson.write(entry));
    assertThat(SessionLogRules.asStored(entry)).isEqualTo(entry);
  }

  @Test
  void storedFormRejectsUnpairedSurrogates() {
    LogEntry broken = entry("\uDC00").at(7);

    assertThatThrownBy(() -> SessionLogRules.storedForm(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry at seq 7 holds a string that is not valid Unicode");
  }

  @Test
  void listOrderIsMostRecentlyUpdatedFirstThenSessionId() {
    SessionSummary older = summary("a", 1);
    SessionSummary newerB = summary("b", 2);
    SessionSummary newerA = summary("a2", 2);

    assertThat(List.of(older, newerB, newerA).stream().sorted(SessionLogRules.LIST_ORDER).toList())
        .containsExactly(newerA, newerB, older);
  }

  private static SessionSummary summary(String id, long updatedAt) {
    return new SessionSummary(UniverseId.DEFAULT, SessionId.of(id), SessionLifecycle.NEW, 0, 0, updatedAt, 0);
  }

  private static NewEntry entry(String label) {
    return new NewEntry(1, Joins.NONE, new EventEnvelope("k", 1, Json.Obj.builder().put("label", label).build()));
  }
}
