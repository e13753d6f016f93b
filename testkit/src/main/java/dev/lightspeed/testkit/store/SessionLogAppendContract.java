package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link SessionLog} contract, part one: creation, appends with optimistic concurrency and idempotent confirmation, and timestamps. */
public abstract class SessionLogAppendContract extends SessionLogContractBase {
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
}
