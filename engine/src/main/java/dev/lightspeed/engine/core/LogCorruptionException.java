package dev.lightspeed.engine.core;

/**
 * The event log cannot be replayed: a gap in sequence numbers, an unknown kind or version, a malformed
 * payload, or an event that cannot apply to the state before it. The message names the offending seq; the
 * session needs operator attention and must not be driven further.
 */
public final class LogCorruptionException extends RuntimeException {
  private final long seq;

  public LogCorruptionException(long seq, String message, Throwable cause) {
    super("event log corrupt at seq " + seq + ": " + message, cause);
    this.seq = seq;
  }

  public long seq() {
    return seq;
  }
}
