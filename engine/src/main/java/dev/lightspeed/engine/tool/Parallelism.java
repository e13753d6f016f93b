package dev.lightspeed.engine.tool;

/** Whether a tool's calls may run alongside others in the same batch. */
public enum Parallelism {
  /** May run concurrently with other parallel-safe calls (read-only tools). */
  PARALLEL_SAFE("parallelSafe"),
  /** Runs alone: every earlier call finishes first and no later call starts until it is done. */
  EXCLUSIVE("exclusive");

  private final String wireName;

  Parallelism(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Parallelism fromWire(String name) {
    for (Parallelism p : values()) if (p.wireName.equals(name)) return p;
    throw new IllegalArgumentException("unknown parallelism: \"" + name + "\"");
  }
}
