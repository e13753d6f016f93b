package dev.lightspeed.bench;

import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.local.SessionLoader;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.PgSessionLog;
import dev.lightspeed.store.pg.testing.TestPostgres;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rehydrating a 10,000-event session from PostgreSQL: {@link SessionLoader#load} reads the log in keyset
 * pages of 1,000 through {@link PgSessionLog}, decodes every entry and folds it into state. The PostgreSQL
 * counterpart of {@link RehydrateBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-D" + TestPostgres.DURABLE_PROPERTY + "=true"})
public class PgRehydrateBench {
  static final int EVENTS = 10_000;
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  static final SessionId SESSION = SessionId.of("rehydrate-bench");

  private TestSchema db;
  private PgSessionLog log;

  @Setup(Level.Trial)
  public void writeLog() {
    db = TestSchema.create(PgRehydrateBench.class);
    log = new PgSessionLog(db.pool(), InstantSource.system());
    var entries = ScriptedSessionRecording.recordAtLeast(EVENTS, 10).entries().subList(0, EVENTS);
    log.create(UNIVERSE, SESSION);
    for (int from = 0; from < entries.size(); from += 500) {
      var page = entries.subList(from, Math.min(entries.size(), from + 500));
      log.append(UNIVERSE, SESSION, from, page.stream().map(e -> e.unsequenced()).toList());
    }
    db.execute("VACUUM ANALYZE session_events");
    SessionState state = SessionLoader.load(log, UNIVERSE, SESSION);
    if (state.head() != EVENTS) throw new IllegalStateException("rehydrated head " + state.head());
  }

  @Benchmark
  public SessionState rehydrateFromPostgres() {
    return SessionLoader.load(log, UNIVERSE, SESSION);
  }

  @TearDown(Level.Trial)
  public void dropSchema() {
    db.close();
  }
}
