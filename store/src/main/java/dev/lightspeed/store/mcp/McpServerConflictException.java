package dev.lightspeed.store.mcp;

/** A put named an {@code expectedRevision} the stored server is no longer at; nothing was written. */
public final class McpServerConflictException extends RuntimeException {
  private final long expected;
  private final long actual;

  public McpServerConflictException(String serverId, long expected, long actual) {
    super("MCP server \"" + serverId + "\" is at revision " + actual + ", not " + expected);
    this.expected = expected;
    this.actual = actual;
  }

  public long expected() {
    return expected;
  }

  public long actual() {
    return actual;
  }
}
