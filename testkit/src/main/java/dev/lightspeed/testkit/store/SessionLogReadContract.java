package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.events;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@link SessionLog} contract, part two: the lifecycle projection, paged reads and listing. */
public abstract class SessionLogReadContract extends SessionLogAppendContract {
  // ---- lifecycle projection

  @Test
  public void openedEventOpensTheSession() {
    log.create(UNIVERSE, S1);

    log.append(UNIVERSE, S1, 0, List.of(opened()));

    assertThat(log.find(UNIVERSE, S1).orElseThrow().lifecycle()).isEqualTo(SessionLifecycle.OPEN);
  }

  @Test
  public void closedEventClosesTheSessionAndRecordsItsSeq() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), event("work")));
    clock.advanceMillis(7);

    log.append(UNIVERSE, S1, 2, List.of(closed()));

    assertThat(log.find(UNIVERSE, S1))
        .contains(new SessionSummary(UNIVERSE, S1, SessionLifecycle.CLOSED, 3, T0, T0 + 7, 3));
  }

  @Test
  public void entriesAfterTheCloseKeepTheSessionClosedAtItsSeq() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), closed()));

    log.append(UNIVERSE, S1, 2, List.of(event("late bookkeeping")));

    SessionSummary summary = log.find(UNIVERSE, S1).orElseThrow();
    assertThat(summary.lifecycle()).isEqualTo(SessionLifecycle.CLOSED);
    assertThat(summary.closedAtSeq()).isEqualTo(2);
    assertThat(summary.head()).isEqualTo(3);
  }

  @Test
  public void lastLifecycleEventOfABatchWins() {
    log.create(UNIVERSE, S1);

    log.append(UNIVERSE, S1, 0, List.of(opened(), event("work"), closed(), event("after")));

    SessionSummary summary = log.find(UNIVERSE, S1).orElseThrow();
    assertThat(summary.lifecycle()).isEqualTo(SessionLifecycle.CLOSED);
    assertThat(summary.closedAtSeq()).isEqualTo(3);
  }

  @Test
  public void openedAfterClosedReopensTheSession() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), closed()));

    log.append(UNIVERSE, S1, 2, List.of(opened()));

    SessionSummary summary = log.find(UNIVERSE, S1).orElseThrow();
    assertThat(summary.lifecycle()).isEqualTo(SessionLifecycle.OPEN);
    assertThat(summary.closedAtSeq()).isZero();
  }

  @Test
  public void otherKindsLeaveTheLifecycleAlone() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(
        event("a"),
        new NewEntry(1, Joins.NONE, envelope("lightspeed.core.lifecycle.config_changed", Json.Obj.EMPTY)),
        new NewEntry(1, Joins.NONE, envelope("lightspeed.core.lifecycle.opened.v2", Json.Obj.EMPTY)),
        new NewEntry(1, Joins.NONE, envelope("Lightspeed.Core.Lifecycle.Closed", Json.Obj.EMPTY))));

    assertThat(log.find(UNIVERSE, S1).orElseThrow().lifecycle()).isEqualTo(SessionLifecycle.NEW);
  }

  // ---- readAfter

  @Test
  public void readAfterZeroReturnsTheWholeShortLog() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 5));

    LogPage page = log.readAfter(UNIVERSE, S1, 0, 100);

    assertThat(page.entries()).extracting(LogEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(page.head()).isEqualTo(5);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  public void readAfterReturnsOnlyEntriesAfterTheCursor() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 5));

    LogPage page = log.readAfter(UNIVERSE, S1, 3, 100);

    assertThat(page.entries()).extracting(LogEntry::unsequenced).containsExactly(event("e-4"), event("e-5"));
    assertThat(page.entries()).extracting(LogEntry::seq).containsExactly(4L, 5L);
  }

  @Test
  public void readAfterStopsAtTheLimitAndSaysThereIsMore() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 5));

    LogPage page = log.readAfter(UNIVERSE, S1, 1, 2);

    assertThat(page.entries()).extracting(LogEntry::seq).containsExactly(2L, 3L);
    assertThat(page.head()).isEqualTo(5);
    assertThat(page.hasMore()).isTrue();
  }

  @Test
  public void readAfterPagesThroughALongLogInOrder() {
    log.create(UNIVERSE, S1);
    List<NewEntry> all = events("e", 2_345);
    for (int from = 0; from < all.size(); from += 7) {
      log.append(UNIVERSE, S1, from, all.subList(from, Math.min(from + 7, all.size())));
    }

    List<LogEntry> read = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    List<Boolean> more = new ArrayList<>();
    long cursor = 0;
    LogPage page;
    do {
      page = log.readAfter(UNIVERSE, S1, cursor, 1_000);
      assertThat(page.head()).isEqualTo(2_345);
      read.addAll(page.entries());
      sizes.add(page.entries().size());
      more.add(page.hasMore());
      cursor = page.lastSeq();
    } while (page.hasMore());

    assertThat(sizes).containsExactly(1_000, 1_000, 345);
    assertThat(more).containsExactly(true, true, false);
    for (int i = 0; i < all.size(); i++) assertThat(read.get(i)).isEqualTo(all.get(i).at(i + 1));
  }

  @Test
  public void tenThousandEntriesReadBackInPagesOfOneThousand() {
    log.create(UNIVERSE, S1);
    List<NewEntry> all = events("entry", 10_000);
    for (int from = 0; from < all.size(); from += 500) log.append(UNIVERSE, S1, from, all.subList(from, from + 500));

    long cursor = 0;
    int pages = 0;
    while (true) {
      LogPage page = log.readAfter(UNIVERSE, S1, cursor, 1_000);
      if (page.entries().isEmpty()) break;
      assertThat(page.entries()).hasSize(1_000);
      assertThat(page.entries().getFirst()).isEqualTo(all.get((int) cursor).at(cursor + 1));
      cursor = page.lastSeq();
      pages++;
    }

    assertThat(pages).isEqualTo(10);
    assertThat(cursor).isEqualTo(10_000);
  }

  @Test
  public void readAfterTheHeadIsEmpty() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 3));

    LogPage page = log.readAfter(UNIVERSE, S1, 3, 10);

    assertThat(page.entries()).isEmpty();
    assertThat(page.head()).isEqualTo(3);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  public void readAfterBeyondTheHeadIsEmpty() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 3));

    assertThat(log.readAfter(UNIVERSE, S1, 99, 10)).isEqualTo(new LogPage(List.of(), 3));
  }

  @Test
  public void readAfterOfAnEmptyLogIsEmpty() {
    log.create(UNIVERSE, S1);

    assertThat(log.readAfter(UNIVERSE, S1, 0, 10)).isEqualTo(new LogPage(List.of(), 0));
  }

  @Test
  public void readAfterAcceptsLimitsFromOneToTenThousand() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, events("e", 3));

    assertThat(log.readAfter(UNIVERSE, S1, 0, 1).entries()).hasSize(1);
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10_000).entries()).hasSize(3);
  }

  @Test
  public void readAfterRejectsLimitsOutOfRange() {
    log.create(UNIVERSE, S1);

    for (int limit : new int[] {0, -1, 10_001, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> log.readAfter(UNIVERSE, S1, 0, limit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit out of range 1..10000: " + limit);
    }
  }

  @Test
  public void readAfterRejectsANegativeCursor() {
    log.create(UNIVERSE, S1);

    assertThatThrownBy(() -> log.readAfter(UNIVERSE, S1, -1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("afterSeq < 0: -1");
  }

  @Test
  public void readAfterOfAnUnknownSessionFails() {
    assertThatThrownBy(() -> log.readAfter(UNIVERSE, S1, 0, 10))
        .isInstanceOf(SessionNotFoundException.class)
        .hasMessage("session \"s1\" not found in universe \"default\"");
  }

  // ---- list

  @Test
  public void listIsMostRecentlyUpdatedFirst() {
    log.create(UNIVERSE, SessionId.of("a"));
    clock.advanceMillis(1);
    log.create(UNIVERSE, SessionId.of("b"));
    clock.advanceMillis(1);
    log.create(UNIVERSE, SessionId.of("c"));
    clock.advanceMillis(1);
    log.append(UNIVERSE, SessionId.of("a"), 0, List.of(event("touch")));

    assertThat(log.list(UNIVERSE, ALL, 10)).extracting(s -> s.id().value()).containsExactly("a", "c", "b");
  }

  @Test
  public void listBreaksTimeTiesBySessionIdAscending() {
    for (String id : List.of("s-2", "s-10", "S-9", "s-1")) log.create(UNIVERSE, SessionId.of(id));

    assertThat(log.list(UNIVERSE, ALL, 10)).extracting(s -> s.id().value()).containsExactly("S-9", "s-1", "s-10", "s-2");
  }

  @Test
  public void listFiltersByLifecycle() {
    log.create(UNIVERSE, SessionId.of("new"));
    log.create(UNIVERSE, SessionId.of("open"));
    log.append(UNIVERSE, SessionId.of("open"), 0, List.of(opened()));
    log.create(UNIVERSE, SessionId.of("closed"));
    log.append(UNIVERSE, SessionId.of("closed"), 0, List.of(opened(), closed()));

    assertThat(log.list(UNIVERSE, EnumSet.of(SessionLifecycle.OPEN), 10)).extracting(s -> s.id().value())
        .containsExactly("open");
    assertThat(log.list(UNIVERSE, EnumSet.of(SessionLifecycle.NEW, SessionLifecycle.CLOSED), 10))
        .extracting(s -> s.id().value()).containsExactly("closed", "new");
    assertThat(log.list(UNIVERSE, Set.of(SessionLifecycle.CLOSED), 10)).extracting(s -> s.id().value())
        .containsExactly("closed");
  }

  @Test
  public void listReturnsTheSameSummariesAsFind() {
    log.create(UNIVERSE, S1);
    clock.advanceMillis(3);
    log.create(UNIVERSE, S2);
    log.append(UNIVERSE, S2, 0, List.of(opened(), event("x")));

    assertThat(log.list(UNIVERSE, ALL, 10))
        .containsExactly(log.find(UNIVERSE, S2).orElseThrow(), log.find(UNIVERSE, S1).orElseThrow());
  }

  @Test
  public void listHonoursTheLimit() {
    for (int i = 1; i <= 5; i++) {
      log.create(UNIVERSE, SessionId.of("s" + i));
      clock.advanceMillis(1);
    }

    assertThat(log.list(UNIVERSE, ALL, 2)).extracting(s -> s.id().value()).containsExactly("s5", "s4");
  }

  @Test
  public void listRejectsLimitsOutOfRange() {
    for (int limit : new int[] {0, -5, 10_001}) {
      assertThatThrownBy(() -> log.list(UNIVERSE, ALL, limit))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("limit out of range 1..10000: " + limit);
    }
  }

  @Test
  public void listWithNoLifecyclesIsRejected() {
    assertThatThrownBy(() -> log.list(UNIVERSE, Set.of(), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifecycles is empty: pass every lifecycle to list all sessions");
  }

  @Test
  public void listOfAnEmptyUniverseIsEmpty() {
    assertThat(log.list(UniverseId.of("nobody-here"), ALL, 10)).isEmpty();
  }
}
