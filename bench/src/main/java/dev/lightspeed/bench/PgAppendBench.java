package dev.lightspeed.bench;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.PgSessionLog;
import dev.lightspeed.store.pg.testing.TestPostgres;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Appending to PostgreSQL sessions in batches of 5 events, as a session's workflow does: each call is one
 * transaction (row lock, head check, insert, projection update, commit) on embedded PostgreSQL, started
 * durable ({@code fsync} and {@code synchronous_commit} on, unlike the tests), over loopback. The events are
 * those of a recorded scripted session, so their sizes are realistic. Scored per event
 * ({@code @OperationsPerInvocation(5)}). {@link #oneSession} is the figure: one session, one writer,
 * every append waiting for the previous one's commit. {@link #fourSessions} runs four writers on four
 * sessions, as a worker hosting several sessions does, where PostgreSQL can flush several commits at once.
 *
 * <p>A durable commit waits until the WAL is on disk, so on a slow-syncing disk the disk, not the store,
 * sets the pace of one session. {@code commit=sync} is the production setting; {@code commit=async} turns
 * {@code synchronous_commit} off for the benchmark's role (commits no longer wait for the disk: NOT a safe
 * setting for Lightspeed, whose acknowledged appends must survive a crash) only to show the store's own cost
 * apart from the disk's. Only the embedded server is reconfigured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-D" + TestPostgres.DURABLE_PROPERTY + "=true"})
public class PgAppendBench {
  static final int BATCH = 5;
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  @Param({"sync", "async"})
  public String commit;

  TestSchema db;
  PgSessionLog log;
  List<NewEntry> events;
  final AtomicInteger sessions = new AtomicInteger();

  @Setup(Level.Trial)
  public void createSchema() throws SQLException {
    if (TestPostgres.embedded()) {
      try (Connection c = TestPostgres.connect(); Statement s = c.createStatement()) {
        // A role setting applies to every connection opened afterwards: the pool's, created below.
        s.execute("ALTER ROLE CURRENT_USER SET synchronous_commit = " + (commit.equals("sync") ? "on" : "off"));
      }
    }
    db = TestSchema.create(PgAppendBench.class);
    log = new PgSessionLog(db.pool(), InstantSource.system());
    events = ScriptedSessionRecording.recordAtLeast(10_000, 10).entries().stream().map(LogEntry::unsequenced).toList();
  }

  /** One writer's session and where it is. */
  @State(Scope.Thread)
  public static class Writer {
    SessionId session;
    long head;
    int next;

    @Setup(Level.Trial)
    public void createSession(PgAppendBench bench) {
      session = SessionId.of("append-bench-" + bench.sessions.incrementAndGet());
      bench.log.create(UNIVERSE, session);
    }

    List<LogEntry> append(PgAppendBench bench) {
      if (next + BATCH > bench.events.size()) next = 0;
      List<LogEntry> committed = bench.log.append(UNIVERSE, session, head, bench.events.subList(next, next + BATCH));
      next += BATCH;
      head += BATCH;
      return committed;
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<LogEntry> oneSession(Writer writer) {
    return writer.append(this);
  }

  @Benchmark
  @Threads(4)
  @OperationsPerInvocation(BATCH)
  public List<LogEntry> fourSessions(Writer writer) {
    return writer.append(this);
  }

  @TearDown(Level.Trial)
  public void dropSchema() {
    db.close();
  }
}
