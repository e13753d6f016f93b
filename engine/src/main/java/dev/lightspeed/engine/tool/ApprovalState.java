package dev.lightspeed.engine.tool;

/** Where a call stands with its approval: none needed or asked yet, waiting for a decision, or decided. */
public enum ApprovalState {
  NONE("none"),
  AWAITING("awaiting"),
  APPROVED("approved"),
  DENIED("denied");

  private final String wireName;

  ApprovalState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
