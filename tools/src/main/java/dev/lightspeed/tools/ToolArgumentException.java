package dev.lightspeed.tools;

/** A call's arguments do not fit the tool's schema; the message names the argument and what it should be. */
public final class ToolArgumentException extends RuntimeException {
  public ToolArgumentException(String message) {
    super(message);
  }
}
