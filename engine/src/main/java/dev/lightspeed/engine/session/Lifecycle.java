package dev.lightspeed.engine.session;

/** A session's lifecycle: created but not opened, open, or closed for good. */
public enum Lifecycle {
  NEW("new"),
  OPEN("open"),
  CLOSED("closed");

  private final String wireName;

  Lifecycle(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
