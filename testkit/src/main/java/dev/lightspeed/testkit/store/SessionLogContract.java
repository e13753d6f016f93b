package dev.lightspeed.testkit.store;

import static dev.lightspeed.testkit.store.TestEntries.closed;
import static dev.lightspeed.testkit.store.TestEntries.event;
import static dev.lightspeed.testkit.store.TestEntries.events;
import static dev.lightspeed.testkit.store.TestEntries.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionNotClosedException;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionLog} contract, run against every backend by subclassing this class: creation, appends
 * with optimistic concurrency and idempotent confirmation, paging, the lifecycle projection, listing,
 * deletion, universe isolation, timestamps from the store's clock, racing writers, and the exact error
 * messages. The tests live in a chain of classes by concern ({@link SessionLogAppendContract},
 * {@link SessionLogReadContract}, this one for universes, deletion and concurrency); a backend passes
 * exactly when it behaves like the others.
 */
public abstract class SessionLogContract extends SessionLogReadContract {
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
}
