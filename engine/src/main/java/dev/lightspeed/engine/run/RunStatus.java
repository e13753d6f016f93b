package dev.lightspeed.engine.run;

/** Where a run is in its life; the wire names match the v1 contract's {@code RunStatus}. */
public enum RunStatus {
  QUEUED("queued"),
  RUNNING("running"),
  CANCELLING("cancelling"),
  COMPLETED("completed"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String wireName;

  RunStatus(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
