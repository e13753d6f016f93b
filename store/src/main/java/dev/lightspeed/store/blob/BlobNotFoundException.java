package dev.lightspeed.store.blob;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.StoreException;
import java.util.Objects;

/** A blob was read by a ref the universe does not hold. */
public final class BlobNotFoundException extends StoreException {
  private final BlobRef ref;

  public BlobNotFoundException(BlobRef ref) {
    super("blob not found: " + Objects.requireNonNull(ref, "ref"));
    this.ref = ref;
  }

  public BlobRef ref() {
    return ref;
  }
}
