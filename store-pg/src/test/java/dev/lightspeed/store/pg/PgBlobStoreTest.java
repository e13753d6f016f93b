package dev.lightspeed.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.pg.testing.TestSchema;
import dev.lightspeed.testkit.store.BlobStoreContract;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blob contract with every blob inline: no object store configured. */
class PgBlobStoreTest extends BlobStoreContract {
  private static TestSchema db;

  @BeforeAll
  static void createSchema() {
    db = TestSchema.create(PgBlobStoreTest.class);
  }

  @AfterAll
  static void dropSchema() {
    db.close();
  }

  @Override
  protected BlobStore newStore() {
    db.truncate();
    return new PgBlobStore(db.pool(), Optional.empty(), new BlobCache(BlobCache.DEFAULT_BYTES));
  }

  @Override
  protected boolean corrupt(BlobStore store, UniverseId universe, BlobRef ref, byte[] bytes) {
    PgBlobRows.overwriteInline(db, universe, ref, bytes);
    return true;
  }

  @Test
  void withoutAnObjectStoreLargeBlobsAreStoredInline() {
    byte[] large = new byte[PgBlobStore.INLINE_MAX_BYTES + 1];
    BlobRef ref = store.put(UNIVERSE, large);

    assertThat(PgBlobRows.storage(db, UNIVERSE, ref)).isEqualTo("inline " + large.length);
    assertThat(store.read(UNIVERSE, ref)).isEqualTo(large);
  }
}
