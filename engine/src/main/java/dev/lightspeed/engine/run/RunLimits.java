package dev.lightspeed.engine.run;

/**
 * The budget of one run: at most {@code maxTurns} model generations and {@code maxToolRounds} tool
 * batches. Exceeding either fails the run with {@link FailureKind#LIMIT_EXCEEDED}.
 */
public record RunLimits(long maxTurns, long maxToolRounds) {
  /** Defaults when neither the session nor the run sets a limit. */
  public static final RunLimits DEFAULT = new RunLimits(256, 256);

  public RunLimits {
    if (maxTurns < 0) throw new IllegalArgumentException("maxTurns < 0: " + maxTurns);
    if (maxToolRounds < 0) throw new IllegalArgumentException("maxToolRounds < 0: " + maxToolRounds);
  }
}
