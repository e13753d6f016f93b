package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobNotFoundException;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest extends BlobStoreContract {
  @Override
  protected BlobStore newStore() {
    return new InMemoryBlobStore();
  }

  @Override
  protected boolean corrupt(BlobStore store, UniverseId universe, BlobRef ref, byte[] bytes) {
    ((InMemoryBlobStore) store).corruptForTest(universe, ref, bytes);
    return true;
  }

  @Test
  void corruptingABlobThatIsNotStoredFails() {
    BlobRef absent = BlobRef.sha256(bytes("absent"));

    assertThatThrownBy(() -> ((InMemoryBlobStore) store).corruptForTest(UNIVERSE, absent, bytes("x")))
        .isInstanceOf(BlobNotFoundException.class)
        .hasMessage("blob not found: " + absent);
  }

  @Test
  void wellKnownBlobsCannotBeCorrupted() {
    BlobRef ref = WellKnownBlob.TOOL_CANCELLED.ref();

    assertThatThrownBy(() -> ((InMemoryBlobStore) store).corruptForTest(UNIVERSE, ref, bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot corrupt well-known blob " + ref);
  }
}
