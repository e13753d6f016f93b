package dev.lightspeed.engine.log;

/**
 * The ids an event belongs to, denormalized next to the payload so stores and clients can filter a log by
 * run, turn, tool batch, call or submission without decoding payloads. Absent numeric ids are 0, absent
 * string ids are null.
 */
public record Joins(long runId, long turnId, long batchId, String callId, String submissionId) {
  public static final Joins NONE = new Joins(0, 0, 0, null, null);

  public static Joins run(long runId) {
    return new Joins(runId, 0, 0, null, null);
  }

  public Joins withTurn(long turn) {
    return new Joins(runId, turn, batchId, callId, submissionId);
  }

  public Joins withBatch(long batch) {
    return new Joins(runId, turnId, batch, callId, submissionId);
  }

  public Joins withCall(String call) {
    return new Joins(runId, turnId, batchId, call, submissionId);
  }

  public Joins withSubmission(String submission) {
    return new Joins(runId, turnId, batchId, callId, submission);
  }
}
