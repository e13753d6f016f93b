package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.pg.testing.TestS3;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.BlobStoreContract;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The blob contract with large blobs in S3 (S3Proxy in-process, real SDK over HTTP), under a key prefix. */
class PgS3BlobStoreTest extends BlobStoreContract {
  private static TestSchema db;
  private static S3ObjectStore objects;
  private static String bucket;

  @BeforeAll
  static void createSchemaAndBucket() {
    db = TestSchema.create(PgS3BlobStoreTest.class);
    var settings = TestS3.newBucket(PgS3BlobStoreTest.class, "tenant-a/lightspeed");
    bucket = settings.bucket();
    objects = S3ObjectStore.open(settings, TestS3.credentials());
  }

  @AfterAll
  static void dropSchema() {
    objects.close();
    db.close();
  }

  @Override
  protected BlobStore newStore() {
    db.truncate();
    return new PgBlobStore(db.pool(), Optional.of(objects), BlobCache.disabled());
  }

  @Override
  protected boolean corrupt(BlobStore store, UniverseId universe, BlobRef ref, byte[] bytes) {
    PgBlobRows.overwriteInline(db, universe, ref, bytes);
    return true;
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  void blobsUpTo64KiBStayInlineAndLargerOnesGoToS3UnderTheUniversePrefix() {
    byte[] small = random(PgBlobStore.INLINE_MAX_BYTES, 1);
    byte[] large = random(PgBlobStore.INLINE_MAX_BYTES + 1, 2);

    BlobRef smallRef = store.put(UNIVERSE, small);
    BlobRef largeRef = store.put(OTHER, large);

    String key = "universes/other/cas/sha256/" + largeRef.hex().substring(0, 2) + "/" + largeRef.hex();
    assertThat(PgBlobRows.storage(db, UNIVERSE, smallRef)).isEqualTo("inline " + small.length);
    assertThat(PgBlobRows.storage(db, OTHER, largeRef)).isEqualTo("object " + key);
    try (S3Client s3 = TestS3.client()) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("tenant-a/lightspeed/" + key)).asByteArray()).isEqualTo(large);
    }
    assertThat(store.read(OTHER, largeRef)).isEqualTo(large);
    assertThat(store.stat(OTHER, largeRef).orElseThrow().size()).isEqualTo(large.length);
  }

  @Test
  void aDamagedObjectInS3FailsTheReadWithAHashMismatch() {
    byte[] large = random(200_000, 3);
    BlobRef ref = store.put(UNIVERSE, large);
    byte[] damaged = large.clone();
    damaged[1234] ^= 1;
    try (S3Client s3 = TestS3.client()) {
      s3.putObject(b -> b.bucket(bucket).key("tenant-a/lightspeed/" + PgBlobStore.objectKey(UNIVERSE, ref)),
          RequestBody.fromBytes(damaged));
    }

    assertThatThrownBy(() -> store.read(UNIVERSE, ref))
        .isInstanceOf(BlobCorruptedException.class)
        .hasMessage("blob corrupted: " + ref + " (stored bytes hash to " + BlobRef.sha256(damaged) + ")");
  }

  @Test
  void aPutOfALargeBlobAlreadyCataloguedUploadsNothing() {
    byte[] large = random(100_000, 4);
    BlobRef ref = store.put(UNIVERSE, large);
    try (S3Client s3 = TestS3.client()) {
      s3.deleteObject(b -> b.bucket(bucket).key("tenant-a/lightspeed/" + PgBlobStore.objectKey(UNIVERSE, ref)));
    }

    store.put(UNIVERSE, large);

    assertThat(store.has(UNIVERSE, ref)).isTrue();
    assertThatThrownBy(() -> store.read(UNIVERSE, ref))
        .hasMessage("blob " + ref + " is catalogued but its object " + PgBlobStore.objectKey(UNIVERSE, ref)
            + " is missing from S3 bucket " + bucket + " at " + TestS3.endpoint());
  }
}
