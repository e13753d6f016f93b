package dev.lightspeed.store.pg;

import static dev.lightspeed.testkit.store.TestEntries.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.StartingGate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eight workers appending to one session as fast as they can, each re-deciding on conflict: every seq has
 * exactly one winner, every append lands exactly once and in its worker's order, and what each append
 * returned is what the log holds.
 */
class PgSessionLogStressTest {
  private static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  private static final SessionId SESSION = SessionId.of("stress");
  private static final int THREADS = 8;
  private static final int APPENDS = 1_000;

  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgSessionLogStressTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Test
  void eightThreadsAppendingAThousandTimesEachToOneSessionLoseAndDuplicateNothing() throws Exception {
    PgSessionLog log = new PgSessionLog(db.pool(), InstantSource.system());
    log.create(UNIVERSE, SESSION);
    AtomicInteger conflicts = new AtomicInteger();
    List<LogEntry> returned = Collections.synchronizedList(new ArrayList<>());

    StartingGate.run(THREADS, t -> {
      long head = 0;
      for (int i = 0; i < APPENDS; i++) {
        while (true) {
          try {
            List<LogEntry> committed = log.append(UNIVERSE, SESSION, head, List.of(event(t + ":" + i)));
            returned.addAll(committed);
            head = committed.getLast().seq();
            break;
          } catch (AppendConflictException lost) {
            conflicts.incrementAndGet();
            head = lost.actualHead();
          }
        }
      }
      return null;
    });

    int total = THREADS * APPENDS;
    List<LogEntry> log10k = new ArrayList<>();
    LogPage page = log.readAfter(UNIVERSE, SESSION, 0, 10_000);
    log10k.addAll(page.entries());
    assertThat(page.head()).isEqualTo(total);
    assertThat(log10k).hasSize(total);
    Map<String, Long> seqOfLabel = new HashMap<>();
    int[] nextOfThread = new int[THREADS];
    for (int i = 0; i < total; i++) {
      LogEntry entry = log10k.get(i);
      assertThat(entry.seq()).isEqualTo(i + 1);
      String label = entry.event().payload().string("label");
      assertThat(seqOfLabel.put(label, entry.seq())).as("duplicate %s", label).isNull();
      String[] parts = label.split(":");
      int thread = Integer.parseInt(parts[0]);
      assertThat(Integer.parseInt(parts[1])).as("order of thread %d", thread).isEqualTo(nextOfThread[thread]++);
    }
    assertThat(returned).hasSize(total).containsExactlyInAnyOrderElementsOf(log10k);
    assertThat(conflicts.get()).as("the threads really raced").isPositive();
  }
}
