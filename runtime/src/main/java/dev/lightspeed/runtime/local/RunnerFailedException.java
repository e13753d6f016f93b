package dev.lightspeed.runtime.local;

/**
 * A session runner stopped because something outside the engine failed for good (the store refused an
 * append, the log is corrupt). Its message says what; the session's log is intact up to the last commit
 * and a new runner can be opened once the cause is fixed.
 */
public final class RunnerFailedException extends RuntimeException {
  public RunnerFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
