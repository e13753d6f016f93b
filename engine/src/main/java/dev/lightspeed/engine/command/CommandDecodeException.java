package dev.lightspeed.engine.command;

/**
 * A command's JSON form cannot be read: unknown {@code type}, or a member that is missing, mistyped or
 * holds an invalid value. The message starts with the path of the bad member so a sender can fix it.
 */
public final class CommandDecodeException extends RuntimeException {
  CommandDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
