package dev.lightspeed.store.log;

import dev.lightspeed.store.StoreException;

/**
 * An append named an {@code expectedHead} the log is not at, and the entries were not an exact retry of what
 * the log already holds there. Someone else appended first: the caller must re-read the log from its head,
 * re-decide, and append again with the new head.
 */
public final class AppendConflictException extends StoreException {
  private final long expectedHead;
  private final long actualHead;

  public AppendConflictException(long expectedHead, long actualHead) {
    super("append conflict: expected head " + expectedHead + " but the log is at " + actualHead);
    this.expectedHead = expectedHead;
    this.actualHead = actualHead;
  }

  public long expectedHead() {
    return expectedHead;
  }

  /** {@return the log's head when the append was refused} */
  public long actualHead() {
    return actualHead;
  }
}
