package dev.lightspeed.runtime.temporal;

/**
 * Timings and thresholds of the session workflow, passed in its (tiny) start arguments so tests can shrink
 * them. {@link #DEFAULT} is what production uses.
 *
 * @param historyThreshold continue as new once the history has this many events (or Temporal suggests it)
 * @param forceCancelAfterMs a run stuck in cancelling this long is force-cancelled
 * @param llmInitialRetryMs first delay before retrying a transient provider error (doubling after)
 * @param llmMaxRetryMs the retry delay cap
 * @param llmMaxAttempts attempts of one generation in all
 * @param llmScheduleToCloseMs how long one generation may take including every retry
 * @param heartbeatTimeoutMs an effect activity that has not heartbeated this long is presumed lost
 */
public record WorkflowTuning(
    long historyThreshold,
    long forceCancelAfterMs,
    long llmInitialRetryMs,
    long llmMaxRetryMs,
    int llmMaxAttempts,
    long llmScheduleToCloseMs,
    long heartbeatTimeoutMs) {

  public static final WorkflowTuning DEFAULT = new WorkflowTuning(10_000, 60_000, 2_000, 60_000, 15, 15 * 60_000, 10_000);

  public WorkflowTuning {
    if (historyThreshold < 1) throw new IllegalArgumentException("historyThreshold < 1: " + historyThreshold);
    if (llmMaxAttempts < 1) throw new IllegalArgumentException("llmMaxAttempts < 1: " + llmMaxAttempts);
  }

  public WorkflowTuning withHistoryThreshold(long threshold) {
    return new WorkflowTuning(threshold, forceCancelAfterMs, llmInitialRetryMs, llmMaxRetryMs, llmMaxAttempts, llmScheduleToCloseMs, heartbeatTimeoutMs);
  }

  public WorkflowTuning withLlmRetry(long initialMs, long maxMs, int maxAttempts) {
    return new WorkflowTuning(historyThreshold, forceCancelAfterMs, initialMs, maxMs, maxAttempts, llmScheduleToCloseMs, heartbeatTimeoutMs);
  }

  public WorkflowTuning withForceCancelAfterMs(long ms) {
    return new WorkflowTuning(historyThreshold, ms, llmInitialRetryMs, llmMaxRetryMs, llmMaxAttempts, llmScheduleToCloseMs, heartbeatTimeoutMs);
  }

  public WorkflowTuning withHeartbeatTimeoutMs(long ms) {
    return new WorkflowTuning(historyThreshold, forceCancelAfterMs, llmInitialRetryMs, llmMaxRetryMs, llmMaxAttempts, llmScheduleToCloseMs, ms);
  }
}
