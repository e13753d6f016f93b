package dev.lightspeed.runtime.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One session, hosted: owns the session's engine drive, runs its effects as activities and lives (across
 * continue-as-new) as long as the session is open. Workflow id {@code <universe>/<sessionId>}.
 *
 * <p>Commands arrive FIFO, either as the {@link #admit} signal (fire and forget; a rejection is recorded for
 * the status query) or as the {@link #submit} update, which answers once the admission's events are
 * durably committed, or with the rejection. A rejection never fails the workflow.
 */
@WorkflowInterface
public interface SessionWorkflow {
  @WorkflowMethod
  void run(SessionWorkflowInput input);

  @SignalMethod
  void admit(AdmissionRequest request);

  @UpdateMethod
  AdmissionOutcome submit(AdmissionRequest request);

  @QueryMethod
  WorkflowStatus status();
}
