package dev.lightspeed.engine.tool;

/** Whether a call interrupted by a crash may simply be run again. */
public enum RetrySafety {
  /** Running the call twice has the same effect as once (reads, idempotent writes). */
  RETRY_SAFE("retrySafe"),
  /** A second run could repeat a side effect; hosts report such interrupted calls as failed instead. */
  NOT_RETRY_SAFE("notRetrySafe");

  private final String wireName;

  RetrySafety(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static RetrySafety fromWire(String name) {
    for (RetrySafety r : values()) if (r.wireName.equals(name)) return r;
    throw new IllegalArgumentException("unknown retry safety: \"" + name + "\"");
  }
}
