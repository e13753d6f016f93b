package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.events;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotClosedException;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionLog} contract, run against every backend by subclassing: creation, appends with
 * optimistic concurrency and idempotent confirmation, paging, the lifecycle projection, listing, deletion,
 * universe isolation, timestamps from the store's clock, racing writers, and the exact error messages.
 *
 * <p>This is one long class on purpose: it is the single definition of the contract, in the order of the
 * SPI's methods, so a new backend passes exactly when it behaves like the others.
 */
public abstract class SessionLogContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");
  protected static final SessionId S1 = SessionId.of("s1");
  protected static final SessionId S2 = SessionId.of("s2");
  protected static final long T0 = 1_700_000_000_000L;
  protected static final Set<SessionLifecycle> ALL = Set.copyOf(EnumSet.allOf(SessionLifecycle.class));

  protected ManualClock clock;
  protected SessionLog log;

  /** {@return a new, empty log whose timestamps come from {@code clock}} Called once before each test. */
  protected abstract SessionLog newLog(InstantSource clock);

  @BeforeEach
  void createLog() {
    clock = ManualClock.atEpochMilli(T0);
    log = newLog(clock);
  }

  // ---- create, find, head

  @Test
  public void createReturnsANewEmptySession() {
    assertThat(log.create(UNIVERSE, S1))
        .isEqualTo(new SessionSummary(UNIVERSE, S1, SessionLifecycle.NEW, 0, T0, T0, 0));
  }

  @Test
  public void findReturnsWhatCreateReturned() {
    SessionSummary created = log.create(UNIVERSE, S1);

    assertThat(log.find(UNIVERSE, S1)).contains(created);
    assertThat(log.head(UNIVERSE, S1)).isZero();
  }

  @Test
  public void creatingAnExistingSessionIsRejected() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened()));
    SessionSummary before = log.find(UNIVERSE, S1).orElseThrow();
    clock.advanceMillis(10);

    assertThatThrownBy(() -> log.create(UNIVERSE, S1))
        .isInstanceOf(SessionExistsException.class)
        .hasMessage("session \"s1\" already exists in universe \"default\"");
    assertThat(log.find(UNIVERSE, S1)).contains(before);
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(1);
  }

  @Test
  public void findOfAnUnknownSessionIsEmpty() {
    assertThat(log.find(UNIVERSE, S1)).isEmpty();
  }

  @Test
  public void headOfAnUnknownSessionFails() {
    assertThatThrownBy(() -> log.head(UNIVERSE, SessionId.of("nope")))
        .isInstanceOf(SessionNotFoundException.class)
        .hasMessage("session \"nope\" not found in universe \"default\"")
        .satisfies(e -> {
          assertThat(((SessionNotFoundException) e).universe()).isEqualTo(UNIVERSE);
          assertThat(((SessionNotFoundException) e).session()).isEqualTo(SessionId.of("nope"));
        });
  }

  @Test
  public void longestSessionIdIsAccepted() {
    SessionId longest = SessionId.of("a".repeat(127) + "Z");

    log.create(UNIVERSE, longest);
    log.append(UNIVERSE, longest, 0, List.of(event("x")));

    assertThat(log.readAfter(UNIVERSE, longest, 0, 10).entries()).hasSize(1);
    assertThat(log.list(UNIVERSE, ALL, 10)).extracting(SessionSummary::id).containsExactly(longest);
  }

  // ---- append

  @Test
  public void appendAssignsContiguousSeqsAfterTheExpectedHead() {
    log.create(UNIVERSE, S1);

    List<LogEntry> first = log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));
    List<LogEntry> second = log.append(UNIVERSE, S1, 2, List.of(event("c")));

    assertThat(first).containsExactly(event("a").at(1), event("b").at(2));
    assertThat(second).containsExactly(event("c").at(3));
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(3);
  }

  @Test
  public void entriesReadBackEqualWhatWasAppended() {
    log.create(UNIVERSE, S1);
    List<NewEntry> entries = List.of(richEntry(), event("plain"), new NewEntry(-5, Joins.run(1), envelope("x", Json.Obj.EMPTY)));

    List<LogEntry> committed = log.append(UNIVERSE, S1, 0, entries);

    List<LogEntry> expected = List.of(entries.get(0).at(1), entries.get(1).at(2), entries.get(2).at(3));
    assertThat(committed).isEqualTo(expected);
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).isEqualTo(expected);
  }

  @Test
  public void appendWithStaleHeadIsRejected() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c")));

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 1, List.of(event("late"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 1 but the log is at 3")
        .satisfies(e -> {
          assertThat(((AppendConflictException) e).expectedHead()).isEqualTo(1);
          assertThat(((AppendConflictException) e).actualHead()).isEqualTo(3);
        });
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("a"), event("b"), event("c"));
  }

  @Test
  public void appendAheadOfTheHeadIsRejected() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 5, List.of(event("c"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 5 but the log is at 2");
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(2);
  }

  @Test
  public void firstAppendMustExpectHeadZero() {
    log.create(UNIVERSE, S1);

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 1, List.of(event("a"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 1 but the log is at 0");
  }

  @Test
  public void retriedIdenticalAppendReturnsStoredEntries() {
    log.create(UNIVERSE, S1);
    List<LogEntry> first = log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));
    SessionSummary before = log.find(UNIVERSE, S1).orElseThrow();
    clock.advanceMillis(1_000);

    List<LogEntry> retried = log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));

    assertThat(retried).isEqualTo(first);
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(2);
    assertThat(log.find(UNIVERSE, S1)).contains(before);
  }

  @Test
  public void retriedAppendIsConfirmedAfterLaterAppends() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a")));
    List<LogEntry> middle = log.append(UNIVERSE, S1, 1, List.of(event("b"), event("c")));
    log.append(UNIVERSE, S1, 3, List.of(event("d")));

    assertThat(log.append(UNIVERSE, S1, 1, List.of(event("b"), event("c")))).isEqualTo(middle);
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(4);
  }

  @Test
  public void retriedRichAppendIsConfirmed() {
    log.create(UNIVERSE, S1);
    List<LogEntry> first = log.append(UNIVERSE, S1, 0, List.of(richEntry()));

    assertThat(log.append(UNIVERSE, S1, 0, List.of(richEntry()))).isEqualTo(first);
  }

  @Test
  public void appendWhoseEntriesAreAlreadyStoredAtThoseSeqsIsConfirmed() {
    log.create(UNIVERSE, S1);
    List<LogEntry> stored = log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c")));

    assertThat(log.append(UNIVERSE, S1, 1, List.of(event("b")))).containsExactly(stored.get(1));
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(3);
  }

  @Test
  public void differentAppendAtATakenSeqIsAConflict() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(event("a"), event("other"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 0 but the log is at 2");
  }

  @Test
  public void retryLongerThanWhatIsStoredIsAConflict() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b")));

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(event("a"), event("b"), event("c"))))
        .isInstanceOf(AppendConflictException.class)
        .hasMessage("append conflict: expected head 0 but the log is at 2");
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(2);
  }

  @Test
  public void retryWithADifferentObservationTimeIsAConflict() {
    log.create(UNIVERSE, S1);
    NewEntry original = event("a");
    log.append(UNIVERSE, S1, 0, List.of(original));

    NewEntry later = new NewEntry(original.observedAtMs() + 1, original.joins(), original.event());
    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(later))).isInstanceOf(AppendConflictException.class);
  }

  @Test
  public void retryWithDifferentJoinsIsAConflict() {
    log.create(UNIVERSE, S1);
    NewEntry original = event("a");
    log.append(UNIVERSE, S1, 0, List.of(original));

    NewEntry otherRun = new NewEntry(original.observedAtMs(), Joins.run(2), original.event());
    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(otherRun))).isInstanceOf(AppendConflictException.class);
  }

  @Test
  public void retryWithADifferentEventVersionIsAConflict() {
    log.create(UNIVERSE, S1);
    NewEntry original = event("a");
    log.append(UNIVERSE, S1, 0, List.of(original));

    EventEnvelope v2 = new EventEnvelope(original.event().kind(), 2, original.event().payload());
    NewEntry changed = new NewEntry(original.observedAtMs(), original.joins(), v2);
    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(changed))).isInstanceOf(AppendConflictException.class);
  }

  @Test
  public void conflictingAppendLeavesTheSummaryAlone() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened()));
    SessionSummary before = log.find(UNIVERSE, S1).orElseThrow();
    clock.advanceMillis(1_000);

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(closed()))).isInstanceOf(AppendConflictException.class);

    assertThat(log.find(UNIVERSE, S1)).contains(before);
  }

  @Test
  public void emptyAppendIsRejected() {
    log.create(UNIVERSE, S1);

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entries is empty: an append needs at least one entry");
  }

  @Test
  public void negativeExpectedHeadIsRejected() {
    log.create(UNIVERSE, S1);

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, -1, List.of(event("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedHead < 0: -1");
  }

  @Test
  public void appendToAnUnknownSessionFails() {
    assertThatThrownBy(() -> log.append(UNIVERSE, SessionId.of("ghost"), 0, List.of(event("a"))))
        .isInstanceOf(SessionNotFoundException.class)
        .hasMessage("session \"ghost\" not found in universe \"default\"");
  }

  @Test
  public void appendOfAStringThatIsNotUnicodeIsRejectedAndWritesNothing() {
    log.create(UNIVERSE, S1);
    NewEntry broken = new NewEntry(1, Joins.NONE, envelope("x", Json.Obj.builder().put("text", "lone \uD800 surrogate").build()));

    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, List.of(event("fine"), broken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry at seq 2 holds a string that is not valid Unicode");
    assertThat(log.head(UNIVERSE, S1)).isZero();
    assertThat(log.append(UNIVERSE, S1, 0, List.of(event("fine")))).containsExactly(event("fine").at(1));
  }

  @Test
  public void appendedListIsACopy() {
    log.create(UNIVERSE, S1);
    List<NewEntry> entries = new ArrayList<>(List.of(event("a")));

    List<LogEntry> committed = log.append(UNIVERSE, S1, 0, entries);
    entries.add(event("b"));

    assertThat(committed).hasSize(1);
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).hasSize(1);
  }

  @Test
  public void returnedListsAreUnmodifiable() {
    log.create(UNIVERSE, S1);
    List<LogEntry> committed = log.append(UNIVERSE, S1, 0, List.of(event("a")));
    List<LogEntry> confirmed = log.append(UNIVERSE, S1, 0, List.of(event("a")));
    List<LogEntry> page = log.readAfter(UNIVERSE, S1, 0, 10).entries();
    List<SessionSummary> listed = log.list(UNIVERSE, ALL, 10);

    assertThatThrownBy(() -> committed.add(event("b").at(2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> confirmed.add(event("b").at(2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> page.add(event("b").at(2))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(listed::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  public void nullArgumentsAreRejected() {
    log.create(UNIVERSE, S1);
    assertThatThrownBy(() -> log.create(null, S1)).isInstanceOf(NullPointerException.class).hasMessage("universe");
    assertThatThrownBy(() -> log.create(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("session");
    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 0, null)).isInstanceOf(NullPointerException.class).hasMessage("entries");
    assertThatThrownBy(() -> log.append(null, S1, 0, List.of(event("a")))).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> log.readAfter(UNIVERSE, null, 0, 1)).isInstanceOf(NullPointerException.class).hasMessage("session");
    assertThatThrownBy(() -> log.find(null, S1)).isInstanceOf(NullPointerException.class).hasMessage("universe");
    assertThatThrownBy(() -> log.list(UNIVERSE, null, 1)).isInstanceOf(NullPointerException.class).hasMessage("lifecycles");
    assertThatThrownBy(() -> log.delete(UNIVERSE, null)).isInstanceOf(NullPointerException.class).hasMessage("session");
  }

  // ---- time

  @Test
  public void timestampsComeFromTheStoreClockNotFromTheEntries() {
    log.create(UNIVERSE, S1);
    clock.advanceMillis(5_000);

    log.append(UNIVERSE, S1, 0, List.of(new NewEntry(42, Joins.NONE, envelope("x", Json.Obj.EMPTY))));

    SessionSummary summary = log.find(UNIVERSE, S1).orElseThrow();
    assertThat(summary.createdAtMs()).isEqualTo(T0);
    assertThat(summary.updatedAtMs()).isEqualTo(T0 + 5_000);
  }

  @Test
  public void eachAppendMovesUpdatedAtAndHead() {
    log.create(UNIVERSE, S1);
    clock.advanceMillis(10);
    log.append(UNIVERSE, S1, 0, List.of(event("a")));
    clock.advanceMillis(10);
    log.append(UNIVERSE, S1, 1, List.of(event("b"), event("c")));

    assertThat(log.find(UNIVERSE, S1))
        .contains(new SessionSummary(UNIVERSE, S1, SessionLifecycle.NEW, 3, T0, T0 + 20, 0));
  }

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

  // ---- universes

  @Test
  public void universesDoNotSeeEachOthersSessions() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened()));

    assertThat(log.find(OTHER, S1)).isEmpty();
    assertThat(log.list(OTHER, ALL, 10)).isEmpty();
    assertThatThrownBy(() -> log.head(OTHER, S1))
        .isInstanceOf(SessionNotFoundException.class)
        .hasMessage("session \"s1\" not found in universe \"other\"");
    assertThatThrownBy(() -> log.readAfter(OTHER, S1, 0, 10)).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.append(OTHER, S1, 1, List.of(event("x")))).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.delete(OTHER, S1)).isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  public void theSameSessionIdInTwoUniversesNamesTwoLogs() {
    log.create(UNIVERSE, S1);
    clock.advanceMillis(1);
    log.create(OTHER, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("mine"), opened()));
    log.append(OTHER, S1, 0, List.of(event("theirs")));

    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).extracting(LogEntry::unsequenced)
        .containsExactly(event("mine"), opened());
    assertThat(log.readAfter(OTHER, S1, 0, 10).entries()).extracting(LogEntry::unsequenced).containsExactly(event("theirs"));
    assertThat(log.find(OTHER, S1)).contains(new SessionSummary(OTHER, S1, SessionLifecycle.NEW, 1, T0 + 1, T0 + 1, 0));
    assertThat(log.list(UNIVERSE, ALL, 10)).extracting(SessionSummary::universe).containsExactly(UNIVERSE);
  }

  // ---- delete

  @Test
  public void deleteRemovesAClosedSession() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), closed()));
    log.create(UNIVERSE, S2);

    log.delete(UNIVERSE, S1);

    assertThat(log.find(UNIVERSE, S1)).isEmpty();
    assertThat(log.list(UNIVERSE, ALL, 10)).extracting(SessionSummary::id).containsExactly(S2);
    assertThatThrownBy(() -> log.head(UNIVERSE, S1)).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.readAfter(UNIVERSE, S1, 0, 10)).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.append(UNIVERSE, S1, 2, List.of(event("x")))).isInstanceOf(SessionNotFoundException.class);
    assertThatThrownBy(() -> log.delete(UNIVERSE, S1)).isInstanceOf(SessionNotFoundException.class);
  }

  @Test
  public void deleteOfAnOpenSessionIsRejected() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened()));

    assertThatThrownBy(() -> log.delete(UNIVERSE, S1))
        .isInstanceOf(SessionNotClosedException.class)
        .hasMessage("cannot delete session \"s1\": it is open; close it first")
        .satisfies(e -> assertThat(((SessionNotClosedException) e).lifecycle()).isEqualTo(SessionLifecycle.OPEN));
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(1);
  }

  @Test
  public void deleteOfANewSessionIsRejected() {
    log.create(UNIVERSE, S1);

    assertThatThrownBy(() -> log.delete(UNIVERSE, S1))
        .isInstanceOf(SessionNotClosedException.class)
        .hasMessage("cannot delete session \"s1\": it is new; close it first");
    assertThat(log.find(UNIVERSE, S1)).isPresent();
  }

  @Test
  public void deleteOfAReopenedSessionIsRejected() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), closed(), opened()));

    assertThatThrownBy(() -> log.delete(UNIVERSE, S1)).isInstanceOf(SessionNotClosedException.class);
  }

  @Test
  public void deleteOfAnUnknownSessionFails() {
    assertThatThrownBy(() -> log.delete(UNIVERSE, SessionId.of("nope")))
        .isInstanceOf(SessionNotFoundException.class)
        .hasMessage("session \"nope\" not found in universe \"default\"");
  }

  @Test
  public void aDeletedSessionIdCanBeCreatedAgainAsANewSession() {
    log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(opened(), event("old"), closed()));
    log.delete(UNIVERSE, S1);
    clock.advanceMillis(100);

    SessionSummary recreated = log.create(UNIVERSE, S1);
    log.append(UNIVERSE, S1, 0, List.of(event("new")));

    assertThat(recreated).isEqualTo(new SessionSummary(UNIVERSE, S1, SessionLifecycle.NEW, 0, T0 + 100, T0 + 100, 0));
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).containsExactly(event("new").at(1));
  }

  @Test
  public void deleteInOneUniverseLeavesTheOtherAlone() {
    for (UniverseId universe : List.of(UNIVERSE, OTHER)) {
      log.create(universe, S1);
      log.append(universe, S1, 0, List.of(opened(), closed()));
    }

    log.delete(UNIVERSE, S1);

    assertThat(log.find(UNIVERSE, S1)).isEmpty();
    assertThat(log.head(OTHER, S1)).isEqualTo(2);
  }

  // ---- concurrency

  @Test
  public void concurrentAppendsWithTheSameHeadHaveExactlyOneWinner() throws Exception {
    log.create(UNIVERSE, S1);

    List<Object> outcomes = StartingGate.run(8, t -> {
      try {
        return log.append(UNIVERSE, S1, 0, List.of(event("thread " + t)));
      } catch (AppendConflictException e) {
        return e;
      }
    });

    List<LogEntry> winner = outcomes.stream().filter(List.class::isInstance).map(SessionLogContract::castEntries)
        .findFirst().orElseThrow();
    assertThat(outcomes.stream().filter(List.class::isInstance)).hasSize(1);
    assertThat(outcomes.stream().filter(AppendConflictException.class::isInstance))
        .hasSize(7)
        .allSatisfy(o -> assertThat((AppendConflictException) o)
            .hasMessage("append conflict: expected head 0 but the log is at 1"));
    assertThat(log.readAfter(UNIVERSE, S1, 0, 10).entries()).isEqualTo(winner);
  }

  @Test
  public void concurrentIdenticalAppendsAllSucceed() throws Exception {
    log.create(UNIVERSE, S1);
    List<NewEntry> entries = List.of(opened(), event("same"));

    List<List<LogEntry>> results = StartingGate.run(8, t -> log.append(UNIVERSE, S1, 0, entries));

    assertThat(results).allSatisfy(r -> assertThat(r).containsExactly(opened().at(1), event("same").at(2)));
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(2);
  }

  @Test
  public void concurrentWritersRetryingOnConflictBuildOneContiguousLog() throws Exception {
    log.create(UNIVERSE, S1);
    int threads = 8;
    int appendsPerThread = 25;

    StartingGate.run(threads, t -> {
      for (int i = 0; i < appendsPerThread; i++) {
        List<NewEntry> batch = i % 2 == 0
            ? List.of(event(t + ":" + i))
            : List.of(event(t + ":" + i), event(t + ":" + i + "b"));
        while (true) {
          long head = log.head(UNIVERSE, S1);
          try {
            log.append(UNIVERSE, S1, head, batch);
            break;
          } catch (AppendConflictException raced) {
            // Another writer got there first: re-read the head and try again.
          }
        }
      }
      return null;
    });

    int expected = threads * (appendsPerThread + appendsPerThread / 2);
    List<LogEntry> entries = log.readAfter(UNIVERSE, S1, 0, 10_000).entries();
    assertThat(entries).hasSize(expected);
    assertThat(log.head(UNIVERSE, S1)).isEqualTo(expected);
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).seq()).isEqualTo(i + 1);
      assertThat(labels.add(label(entries.get(i)))).as("duplicate %s", label(entries.get(i))).isTrue();
    }
    for (int t = 0; t < threads; t++) {
      int thread = t;
      List<String> own = entries.stream().map(SessionLogContract::label).filter(l -> l.startsWith(thread + ":")).toList();
      List<String> inOrder = new ArrayList<>();
      for (int i = 0; i < appendsPerThread; i++) {
        inOrder.add(thread + ":" + i);
        if (i % 2 == 1) inOrder.add(thread + ":" + i + "b");
      }
      assertThat(own).containsExactlyElementsOf(inOrder);
    }
  }

  @Test
  public void concurrentAppendsToDifferentSessionsAreIndependent() throws Exception {
    for (int t = 0; t < 8; t++) log.create(UNIVERSE, SessionId.of("s" + t));

    StartingGate.run(8, t -> {
      SessionId session = SessionId.of("s" + t);
      for (int i = 0; i < 30; i++) log.append(UNIVERSE, session, i, List.of(event("e" + i)));
      return null;
    });

    for (int t = 0; t < 8; t++) {
      assertThat(log.readAfter(UNIVERSE, SessionId.of("s" + t), 0, 100).entries()).extracting(LogEntry::unsequenced)
          .containsExactlyElementsOf(expectedNumbered(30));
    }
  }

  @Test
  public void readersSeeWholeAppendsWhileWritersAppend() throws Exception {
    log.create(UNIVERSE, S1);
    int batches = 60;

    StartingGate.run(4, t -> {
      if (t == 0) {
        for (int i = 0; i < batches; i++) log.append(UNIVERSE, S1, i * 3L, events("b" + i, 3));
      } else {
        for (int i = 0; i < 200; i++) {
          LogPage page = log.readAfter(UNIVERSE, S1, 0, 10_000);
          assertThat(page.entries()).hasSize((int) page.head());
          assertThat(page.head() % 3).as("a page ends on an append boundary").isZero();
        }
      }
      return null;
    });

    assertThat(log.head(UNIVERSE, S1)).isEqualTo(batches * 3L);
  }

  // ---- helpers

  /** An entry exercising every corner of the stored form: all joins, nested values, escapes, odd numbers. */
  protected static NewEntry richEntry() {
    Json.Obj payload = Json.Obj.builder()
        .put("text", "line one\nline \"two\"\ttabbed \\ back\u0001slash")
        .put("unicode", "héllo wörld · 日本語 · \uD83D\uDE80")
        .put("zKeyFirstInInsertionOrder", true)
        .put("aKeyLast", false)
        .put("max", Long.MAX_VALUE)
        .put("min", Long.MIN_VALUE)
        .put("decimal", Json.Num.parse("3.14"))
        .put("exponent", Json.Num.parse("1e-7"))
        .put("huge", Json.Num.parse("123456789012345678901234567890"))
        .put("nothing", Json.NULL)
        .put("empty", Json.Obj.EMPTY)
        .putArray("list", List.of(Json.of(1), Json.of("two"), Json.Arr.of(), Json.Obj.builder().put("k", "v").build()))
        .build();
    return new NewEntry(1_700_000_123_456L, new Joins(3, 4, 5, "call_\u00e9", "sub-1"), envelope("test.store.rich", payload));
  }

  protected static EventEnvelope envelope(String kind, Json.Obj payload) {
    return new EventEnvelope(kind, 1, payload);
  }

  private static String label(LogEntry entry) {
    return entry.event().payload().string("label");
  }

  private static List<NewEntry> expectedNumbered(int count) {
    List<NewEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) entries.add(event("e" + i));
    return entries;
  }

  @SuppressWarnings("unchecked")
  private static List<LogEntry> castEntries(Object o) {
    return (List<LogEntry>) o;
  }
}
