package dev.lightspeed.engine.run;

/** Why a run failed. A closed set, so clients can branch on it without parsing messages. */
public enum FailureKind {
  /** {@code maxTurns} or {@code maxToolRounds} was reached. */
  LIMIT_EXCEEDED("limit_exceeded"),
  /** The model provider failed terminally, or transient retries ran out. */
  PROVIDER_ERROR("provider_error"),
  /** The engine could not plan the next step (bad config, inconsistent state). */
  INTERNAL("internal");

  private final String wireName;

  FailureKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static FailureKind fromWire(String name) {
    for (FailureKind k : values()) if (k.wireName.equals(name)) return k;
    throw new IllegalArgumentException("unknown failure kind: \"" + name + "\"");
  }
}
