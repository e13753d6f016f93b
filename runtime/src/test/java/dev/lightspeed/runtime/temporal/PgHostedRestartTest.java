package dev.lightspeed.runtime.temporal;

import static dev.lightspeed.runtime.temporal.HostedHarness.MODEL;
import static dev.lightspeed.runtime.temporal.HostedHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.pg.BlobCache;
import dev.lightspeed.store.pg.PgBlobStore;
import dev.lightspeed.store.pg.PgPool;
import dev.lightspeed.store.pg.PgSessionLog;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A run in progress when the whole process stops (worker, embedded Temporal and the process's connection
 * pool) resumes in the next process from what PostgreSQL holds, and completes exactly once.
 */
class PgHostedRestartTest {
  @Test
  void aRunActiveWhenTheProcessStoppedResumesFromPostgresInTheNextOne() {
    try (TestSchema db = TestSchema.create(PgHostedRestartTest.class)) {
      SessionId s;
      long run;
      AtomicReference<HeldModel> held = new AtomicReference<>();
      try (PgPool pool = PgPool.open(db.url(), 4, Duration.ofSeconds(5), "first-process");
          HostedHarness first = HostedHarness.on(new PgSessionLog(pool, InstantSource.system()),
              new PgBlobStore(pool, Optional.empty(), new BlobCache(BlobCache.DEFAULT_BYTES)), m -> {
                held.set(new HeldModel(m).hold(1));
                return held.get();
              })) {
        s = first.open("resume", MODEL);
        run = first.startRun(s, "sub", "a long question");
        eventually("the first process is generating", () -> held.get().waiting() == 1);
      }

      try (PgPool pool = PgPool.open(db.url(), 4, Duration.ofSeconds(5), "second-process")) {
        PgSessionLog log = new PgSessionLog(pool, InstantSource.system());
        try (HostedHarness second = HostedHarness.on(log, new PgBlobStore(pool, Optional.empty(), BlobCache.disabled()), m -> m)) {
          second.model.reply("answered after the restart");
          assertThat(RunResumption.resume(log, HostedHarness.U, second.client)).isEqualTo(1);

          RunOutcome outcome = second.outcome(s, run);
          assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
          assertThat(second.text(outcome.output().orElseThrow())).isEqualTo("answered after the restart");
          List<LogEntry> entries = second.entries(s);
          assertThat(entries).extracting(LogEntry::seq).containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
          assertThat(entries.stream().filter(e -> e.event().kind().endsWith("run.completed")).count()).isEqualTo(1);
          assertThat(entries.stream().filter(e -> e.event().kind().endsWith("turn.started")).map(e -> e.joins().turnId()).toList())
              .doesNotHaveDuplicates();
        }
      }
    }
  }
}
