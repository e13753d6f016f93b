package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's {@code EventJoinsView}: the ids an event belongs to, so a client can group events by run,
 * turn, tool batch or call without decoding every event kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventJoinsView(
    String runId, String turnId, String toolBatchId, String toolCallId, String submissionId, String correlationId) {
  /** An event joined to nothing. */
  public static final EventJoinsView NONE = new EventJoinsView(null, null, null, null, null, null);
}
