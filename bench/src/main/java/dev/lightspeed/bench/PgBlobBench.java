package dev.lightspeed.bench;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.BlobCache;
import dev.lightspeed.store.pg.ObjectStore;
import dev.lightspeed.store.pg.PgBlobStore;
import dev.lightspeed.store.pg.S3ObjectStore;
import dev.lightspeed.store.pg.S3Settings;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestPostgres;
import dev.lightspeed.store.pg.testing.TestSchema;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Putting and reading 1 KiB and 1 MiB blobs through {@link PgBlobStore}, with large blobs inline in
 * PostgreSQL ({@code backend=inline}, no object store) or in S3 ({@code backend=s3}: S3Proxy in-process,
 * the real AWS SDK over loopback HTTP). 1 KiB blobs are inline in both. Every put stores new bytes (a
 * counter in the first 8 bytes), so none is the no-op of a put of a blob already there; reads bypass the
 * cache (disabled), so they measure the medium plus hash verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-D" + TestPostgres.DURABLE_PROPERTY + "=true"})
public class PgBlobBench {
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  @Param({"1024", "1048576"})
  public int size;

  @Param({"inline", "s3"})
  public String backend;

  private TestSchema db;
  private S3ObjectStore s3;
  private String bucket;
  private PgBlobStore store;
  private byte[] bytes;
  private long counter;
  private BlobRef stored;

  @Setup(Level.Trial)
  public void open() {
    db = TestSchema.create(PgBlobBench.class);
    Optional<ObjectStore> objects = Optional.empty();
    if (backend.equals("s3")) {
      S3Settings settings = TestS3.newBucket(PgBlobBench.class, "bench");
      bucket = settings.bucket();
      s3 = S3ObjectStore.open(settings, TestS3.credentials());
      objects = Optional.of(s3);
    }
    store = new PgBlobStore(db.pool(), objects, BlobCache.disabled());
    bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    stored = store.put(UNIVERSE, bytes);
  }

  @Benchmark
  public BlobRef put() {
    ByteBuffer.wrap(bytes).putLong(0, ++counter);
    return store.put(UNIVERSE, bytes);
  }

  @Benchmark
  public byte[] get() {
    return store.read(UNIVERSE, stored);
  }

  /** Empties the catalog and the bucket after every iteration, so a run of puts never fills memory or disk. */
  @TearDown(Level.Iteration)
  public void empty() {
    db.execute("TRUNCATE cas_blobs");
    if (s3 != null) {
      try (S3Client client = TestS3.client()) {
        ListObjectsV2Response listing;
        do {
          listing = client.listObjectsV2(b -> b.bucket(bucket));
          for (S3Object o : listing.contents()) client.deleteObject(b -> b.bucket(bucket).key(o.key()));
        } while (listing.isTruncated());
      }
    }
    stored = store.put(UNIVERSE, bytes);
  }

  @TearDown(Level.Trial)
  public void close() {
    if (s3 != null) {
      s3.close();
      TestS3.stop();
    }
    db.close();
  }
}
