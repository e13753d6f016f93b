package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.pg.BlobCache;
import dev.lightspeed.store.pg.PgBlobStore;
import dev.lightspeed.store.pg.PgSessionLog;
import dev.lightspeed.store.pg.S3ObjectStore;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The hosted runs of {@link HostedRunTest} once more, with the session log and blobs in PostgreSQL (embedded)
 * and large blobs in S3 (S3Proxy in-process), instead of in memory.
 */
class PgHostedRunTest extends HostedRunTest {
  private static TestSchema db;
  private static S3ObjectStore s3;

  /** Hides {@link HostedRunTest#start}: the same harness over the production stores. */
  @BeforeAll
  static void start() {
    db = TestSchema.create(PgHostedRunTest.class);
    s3 = TestS3.newObjectStore(PgHostedRunTest.class, "hosted");
    h = HostedHarness.on(new PgSessionLog(db.pool(), InstantSource.system()),
        new PgBlobStore(db.pool(), Optional.of(s3), new BlobCache(BlobCache.DEFAULT_BYTES)), m -> m);
    h.tools.tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo:" + args);
  }

  /** Hides {@link HostedRunTest#stop}: the harness goes first, then the bucket's client and the schema. */
  @AfterAll
  static void stop() {
    try {
      h.close();
    } finally {
      s3.close();
      db.close();
    }
  }
}
