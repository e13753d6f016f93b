package dev.lightspeed.store.log;

/**
 * Where a session is in its life, as projected by the store from the lifecycle events it appends: a created
 * session is {@link #NEW}; an entry of kind {@value #OPENED_KIND} makes it {@link #OPEN}, one of kind
 * {@value #CLOSED_KIND} makes it {@link #CLOSED}. Other kinds leave it unchanged. The store keeps this
 * projection so it can list and filter sessions without folding their logs.
 */
public enum SessionLifecycle {
  NEW("new"),
  OPEN("open"),
  CLOSED("closed");

  /** The event kind that opens a session. */
  public static final String OPENED_KIND = "lightspeed.core.lifecycle.opened";
  /** The event kind that closes a session. */
  public static final String CLOSED_KIND = "lightspeed.core.lifecycle.closed";

  private final String wireName;

  SessionLifecycle(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the lowercase name used on the wire and in stored projections} */
  public String wireName() {
    return wireName;
  }

  /**
   * {@return the lifecycle with this wire name}
   *
   * @throws IllegalArgumentException quoting {@code wireName} when no lifecycle has it
   */
  public static SessionLifecycle fromWireName(String wireName) {
    for (SessionLifecycle lifecycle : values()) {
      if (lifecycle.wireName.equals(wireName)) return lifecycle;
    }
    throw new IllegalArgumentException("unknown session lifecycle: \"" + wireName + "\" (expected new, open or closed)");
  }
}
