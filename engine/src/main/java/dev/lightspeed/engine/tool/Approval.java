package dev.lightspeed.engine.tool;

/**
 * Whether a tool's calls wait for a person. A call of an {@link #ALWAYS} tool parks its run until someone
 * approves or denies it; the wait is durable, so a decision may come minutes or months later.
 */
public enum Approval {
  /** Calls run as soon as the batch schedules them. */
  NEVER("never"),
  /** Every call waits for an approve or deny decision before it runs. */
  ALWAYS("always");

  private final String wireName;

  Approval(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Approval fromWire(String name) {
    for (Approval a : values()) if (a.wireName.equals(name)) return a;
    throw new IllegalArgumentException("unknown approval policy: \"" + name + "\"");
  }
}
