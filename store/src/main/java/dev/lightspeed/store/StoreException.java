package dev.lightspeed.store;

/**
 * The base of every exception a store throws, so a caller can catch storage failures as one family. The
 * subclasses are unchecked and typed by cause: callers match on the type, never on the message.
 */
public abstract class StoreException extends RuntimeException {
  protected StoreException(String message) {
    super(message);
  }

  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
