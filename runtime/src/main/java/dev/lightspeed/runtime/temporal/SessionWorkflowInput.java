package dev.lightspeed.runtime.temporal;

import java.util.List;

/**
 * The session workflow's start (and continue-as-new) arguments: ids, tuning, and the only state carried
 * across executions, the recent admission failures. Everything else is rehydrated from the event log.
 */
public record SessionWorkflowInput(String universe, String session, WorkflowTuning tuning, List<AdmissionFailure> recentFailures) {
  public SessionWorkflowInput {
    recentFailures = recentFailures == null ? List.of() : List.copyOf(recentFailures);
  }
}
