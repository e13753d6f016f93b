package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.StoreException;
import java.util.Objects;

/** A snapshot was read by a ref the universe does not hold. */
public final class SnapshotNotFoundException extends StoreException {
  private final BlobRef ref;

  public SnapshotNotFoundException(BlobRef ref) {
    super("snapshot not found: " + Objects.requireNonNull(ref, "ref"));
    this.ref = ref;
  }

  public BlobRef ref() {
    return ref;
  }
}
