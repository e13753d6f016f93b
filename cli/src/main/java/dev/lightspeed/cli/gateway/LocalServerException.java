package dev.lightspeed.cli.gateway;

import java.util.Objects;

/**
 * The embedded runtime could not start: its configuration is unusable (a variable with a bad value) or
 * something it needs is unavailable (an address in use, the store unreadable). The message names the cause.
 */
public final class LocalServerException extends ClientException {
  /** Whose fault the failure is, which decides the exit code. */
  public enum Reason {
    /** A setting in the environment is unusable; the message names the variable. */
    CONFIGURATION,
    /** The settings are fine but the runtime could not start (an address taken, an I/O failure). */
    UNAVAILABLE
  }

  private final Reason reason;

  public LocalServerException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
