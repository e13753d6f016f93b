package dev.lightspeed.store.blob;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.StoreException;
import java.util.Objects;

/**
 * The bytes stored under a ref no longer hash to it: the medium or someone outside the store changed them.
 * The store never returns such bytes. Retrying will not help, and neither will putting the blob again: a
 * store does not check a copy it already holds, so the damaged copy has to be removed by an operator.
 */
public final class BlobCorruptedException extends StoreException {
  private final BlobRef ref;
  private final BlobRef actual;

  public BlobCorruptedException(BlobRef ref, BlobRef actual) {
    super("blob corrupted: " + Objects.requireNonNull(ref, "ref") + " (stored bytes hash to "
        + Objects.requireNonNull(actual, "actual") + ")");
    this.ref = ref;
    this.actual = actual;
  }

  /** {@return the ref that was read} */
  public BlobRef ref() {
    return ref;
  }

  /** {@return the ref of the bytes actually found} */
  public BlobRef actual() {
    return actual;
  }
}
