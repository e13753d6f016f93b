package dev.lightspeed.engine.session;

/**
 * A stored session state snapshot cannot be read back: wrong {@code stateVersion}, or a member that is missing,
 * mistyped or holds an invalid value. The message starts with the path of the bad member, because a
 * snapshot that does not decode exactly must be rebuilt from the log rather than patched.
 */
public final class StateDecodeException extends RuntimeException {
  StateDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
