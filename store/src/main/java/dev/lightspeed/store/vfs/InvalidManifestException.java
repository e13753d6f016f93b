package dev.lightspeed.store.vfs;

import dev.lightspeed.store.StoreException;

/**
 * Bytes offered or stored as a snapshot manifest are not one: malformed JSON, an unknown schema version or
 * field, a bad name, ref or size, or totals that do not add up. The message says what and where.
 */
public final class InvalidManifestException extends StoreException {
  public InvalidManifestException(String message) {
    super(message);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
