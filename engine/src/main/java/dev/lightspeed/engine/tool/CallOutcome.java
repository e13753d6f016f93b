package dev.lightspeed.engine.tool;

/** How a tool call ended. Every outcome but {@link #COMPLETED} gives the model an error result. */
public enum CallOutcome {
  COMPLETED("completed"),
  /** The tool ran and reported failure, or failed at the boundary. */
  FAILED("failed"),
  /** The session has no tool by that name; the model got the well-known "unavailable" result. */
  UNAVAILABLE("unavailable"),
  /** The run was cancelled before the call finished. */
  CANCELLED("cancelled"),
  /** Someone denied the call when asked for approval; it never ran. */
  DENIED("denied");

  private final String wireName;

  CallOutcome(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static CallOutcome fromWire(String name) {
    for (CallOutcome o : values()) if (o.wireName.equals(name)) return o;
    throw new IllegalArgumentException("unknown call outcome: \"" + name + "\"");
  }
}
