package dev.lightspeed.tools.patch;

/** A patch could not be parsed or one of its chunks could not be placed; the message says where and why. */
public final class PatchException extends Exception {
  public PatchException(String message) {
    super(message);
  }
}
