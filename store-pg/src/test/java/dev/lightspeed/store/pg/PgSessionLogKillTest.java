package dev.lightspeed.store.pg;

import static dev.lightspeed.testkit.store.TestEntries.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.pg.testing.TestPostgres;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database connection dies in the middle of an append (its backend is terminated with
 * {@code pg_terminate_backend}): the append either committed or left no trace, it fails with
 * {@link StoreIoException}, and retrying the same entries converges.
 */
class PgSessionLogKillTest {
  private static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  private static final SessionId SESSION = SessionId.of("victim");

  private TestSchema db;
  private PgSessionLog log;

  @BeforeEach
  void createSchema() {
    db = TestSchema.create(PgSessionLogKillTest.class);
    log = new PgSessionLog(db.pool(), InstantSource.system());
    log.create(UNIVERSE, SESSION);
  }

  @AfterEach
  void dropSchema() {
    db.close();
  }

  @Test
  void anAppendKilledWhileWaitingForTheSessionLockWritesNothingAndItsRetrySucceeds() throws Exception {
    log.append(UNIVERSE, SESSION, 0, List.of(event("before")));
    List<NewEntry> batch = List.of(event("a"), event("b"));
    CompletableFuture<List<LogEntry>> append;
    try (Connection holder = db.pool().dataSource().getConnection()) {
      holder.setAutoCommit(false);
      try (Statement lock = holder.createStatement()) {
        lock.execute("SELECT 1 FROM sessions WHERE session_id = 'victim' FOR UPDATE");
      }
      append = CompletableFuture.supplyAsync(() -> log.append(UNIVERSE, SESSION, 1, batch));
      terminate(awaitBackend("wait_event_type = 'Lock'"));
      holder.rollback();
    }

    assertThatThrownBy(() -> append.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StoreIoException.class)
        .hasMessageStartingWith("cannot append to session default/victim: ");
    assertThat(log.head(UNIVERSE, SESSION)).isEqualTo(1);
    assertThat(log.append(UNIVERSE, SESSION, 1, batch)).containsExactly(event("a").at(2), event("b").at(3));
  }

  @Test
  void anAppendKilledAfterItsInsertBeforeCommitWritesNothingAndItsRetrySucceeds() throws Exception {
    // A trigger holds the append between its insert and its commit while the test kills the backend.
    db.execute("CREATE TABLE pause_appends (on_purpose boolean)");
    db.execute("""
        CREATE FUNCTION pause_append() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pause_appends) THEN PERFORM pg_sleep(30); END IF;
          RETURN NULL;
        END $$""");
    db.execute("CREATE TRIGGER pause_after_insert AFTER INSERT ON session_events FOR EACH STATEMENT EXECUTE FUNCTION pause_append()");
    db.execute("INSERT INTO pause_appends VALUES (true)");
    List<NewEntry> batch = List.of(event("x"), event("y"), event("z"));

    CompletableFuture<List<LogEntry>> append = CompletableFuture.supplyAsync(() -> log.append(UNIVERSE, SESSION, 0, batch));
    terminate(awaitBackend("wait_event = 'PgSleep'"));

    assertThatThrownBy(() -> append.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(StoreIoException.class);
    db.execute("DELETE FROM pause_appends");
    assertThat(log.readAfter(UNIVERSE, SESSION, 0, 10).entries()).isEmpty();
    assertThat(log.append(UNIVERSE, SESSION, 0, batch)).containsExactly(event("x").at(1), event("y").at(2), event("z").at(3));
  }

  @Test
  void aWriterWhoseConnectionsAreKilledAtRandomConvergesByRetryingTheSameEntries() throws Exception {
    int appends = 300;
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger kills = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    // Its own thread: on a 2-core machine the common pool has one worker, which may not get to run in time.
    CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
      try (Connection admin = TestPostgres.connect();
          PreparedStatement kill = admin.prepareStatement(
              "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? AND state = 'active'"
                  + " AND pid <> pg_backend_pid()")) {
        kill.setString(1, TestSchema.APPLICATION);
        while (!done.get()) {
          Thread.sleep(ThreadLocalRandom.current().nextInt(2, 15));
          try (ResultSet rs = kill.executeQuery()) {
            rs.next();
            kills.addAndGet(rs.getInt(1));
          }
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, runnable -> Thread.ofPlatform().name("backend-killer").daemon().start(runnable));

    long head = 0;
    int written = 0;
    try {
      // At least `appends`, and on until a kill has hit an append (bounded), so the test always tests something.
      for (int i = 0; i < appends || (failures.get() == 0 && i < appends * 10); i++) {
        written = i + 1;
        List<NewEntry> batch = List.of(event(i + "a"), event(i + "b"));
        while (true) {
          try {
            head = log.append(UNIVERSE, SESSION, head, batch).getLast().seq();
            break;
          } catch (StoreIoException dropped) {
            // Committed or not, we cannot tell: retry the very same entries at the same expected head.
            failures.incrementAndGet();
          }
        }
      }
    } finally {
      done.set(true);
      killer.get(10, TimeUnit.SECONDS);
    }

    List<NewEntry> expected = new ArrayList<>();
    for (int i = 0; i < written; i++) expected.addAll(List.of(event(i + "a"), event(i + "b")));
    assertThat(log.readAfter(UNIVERSE, SESSION, 0, 10_000).entries()).extracting(LogEntry::unsequenced)
        .containsExactlyElementsOf(expected);
    assertThat(failures.get()).as("appends that lost their connection (%d backends killed)", kills.get()).isPositive();
  }

  @Test
  void aRetryAfterACommitWhoseReplyWasLostIsConfirmedNotDuplicated() {
    List<NewEntry> batch = List.of(event("once"));
    List<LogEntry> first = log.append(UNIVERSE, SESSION, 0, batch);

    assertThat(log.append(UNIVERSE, SESSION, 0, batch)).isEqualTo(first);
    assertThatThrownBy(() -> log.append(UNIVERSE, SESSION, 0, List.of(event("other")))).isInstanceOf(AppendConflictException.class);
    assertThat(log.head(UNIVERSE, SESSION)).isEqualTo(1);
  }

  /** {@return the pid of this schema's pool backend matching {@code condition}, waiting up to 10 s for one} */
  private static int awaitBackend(String condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection admin = TestPostgres.connect();
        PreparedStatement find = admin.prepareStatement(
            "SELECT pid FROM pg_stat_activity WHERE application_name = ? AND " + condition)) {
      find.setString(1, TestSchema.APPLICATION);
      while (System.nanoTime() < deadline) {
        try (ResultSet rs = find.executeQuery()) {
          if (rs.next()) return rs.getInt(1);
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("no backend with " + condition + " within 10 s");
  }

  private static void terminate(int pid) throws SQLException {
    try (Connection admin = TestPostgres.connect(); Statement s = admin.createStatement()) {
      s.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
  }
}
