package dev.lightspeed.store.pg;

/**
 * PostgreSQL could not be reached at start-up (wrong host or port, refused login, no such database). The
 * message names the URL without its password; nothing was started.
 */
public final class PgUnavailableException extends RuntimeException {
  public PgUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
