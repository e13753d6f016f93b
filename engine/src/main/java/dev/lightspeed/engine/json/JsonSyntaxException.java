package dev.lightspeed.engine.json;

/** Text that is not valid JSON; the message names the offset and what was expected there. */
public final class JsonSyntaxException extends RuntimeException {
  private final int offset;

  public JsonSyntaxException(String message, int offset) {
    super(message + " at offset " + offset);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
