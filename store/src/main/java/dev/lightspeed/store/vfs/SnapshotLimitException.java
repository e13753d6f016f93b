package dev.lightspeed.store.vfs;

import dev.lightspeed.store.StoreException;

/**
 * A snapshot, or the snapshot an edit would produce, exceeds a {@link VfsLimits} bound. The message names the
 * bound and the offending value ("the snapshot would hold 10,001 files; the limit is 10,000"), so it can be
 * shown to a model or a client as is. Nothing was stored.
 */
public final class SnapshotLimitException extends StoreException {
  public SnapshotLimitException(String message) {
    super(message);
  }
}
