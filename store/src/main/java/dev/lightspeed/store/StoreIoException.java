package dev.lightspeed.store;

import java.io.IOException;
import java.util.Objects;

/**
 * The backing medium failed (disk, network, database) in a way the store cannot interpret. The operation may
 * or may not have taken effect; every store operation is safe to retry, appends through idempotent
 * confirmation.
 */
public final class StoreIoException extends StoreException {
  public StoreIoException(String message, IOException cause) {
    super(message, Objects.requireNonNull(cause, "cause"));
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
