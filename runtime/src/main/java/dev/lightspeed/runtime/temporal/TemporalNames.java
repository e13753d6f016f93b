package dev.lightspeed.runtime.temporal;

/** Names the hosted runtime shares between clients and workers. */
public final class TemporalNames {
  /** The default task queue; override with {@code LIGHTSPEED_TASK_QUEUE}. */
  public static final String TASK_QUEUE = "lightspeed-agent";

  private TemporalNames() {}

  /** {@return the workflow id of a session: {@code <universe>/<sessionId>}} */
  public static String workflowId(String universe, String session) {
    return universe + "/" + session;
  }
}
