package dev.lightspeed.runtime.temporal;

import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The session workflow as a later deploy might have changed it: it starts a timer before bootstrapping, so
 * replaying the history of an execution the current code made issues different commands (non-determinism),
 * while a fresh execution behaves as the current code does.
 */
public final class ChangedSessionWorkflow implements SessionWorkflow {
  private final SessionWorkflowImpl current = new SessionWorkflowImpl();

  @Override
  public void run(SessionWorkflowInput input) {
    Workflow.sleep(Duration.ofMillis(1));
    current.run(input);
  }

  @Override
  public void admit(AdmissionRequest request) {
    current.admit(request);
  }

  @Override
  public AdmissionOutcome submit(AdmissionRequest request) {
    return current.submit(request);
  }

  @Override
  public WorkflowStatus status() {
    return current.status();
  }
}
