package dev.lightspeed.engine.core;

/** Size limits admission enforces, so no command can make an event or the state grow without bound. */
public final class Limits {
  private Limits() {}

  public static final int MAX_INPUT_ITEMS = 64;
  public static final int MAX_CONTEXT_ITEMS_PER_EDIT = 256;
  public static final int MAX_KEY_LENGTH = 256;
  public static final int MAX_SUBMISSION_ID_LENGTH = 128;
  public static final int MAX_PREVIEW_LENGTH = 1_000;
  public static final int MAX_CONFIG_BYTES = 64 * 1024;
  public static final int MAX_TOOLS = 512;
  /** Most commands one {@code Command.Atomic} may bundle. */
  public static final int MAX_ATOMIC_COMMANDS = 16;
}
