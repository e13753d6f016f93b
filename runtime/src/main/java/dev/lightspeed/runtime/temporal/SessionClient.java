package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.CommandCodec;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.filter.v1.WorkflowTypeFilter;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the gateway talks to session workflows: start a session's workflow if it is not running (after a
 * restart it rehydrates from the log), submit commands and wait for durable admission, ask for status.
 * Reads of session data never come from here; they come from the store.
 */
public final class SessionClient {
  private static final int START_ATTEMPTS = 5;

  private final WorkflowClient client;
  private final String taskQueue;
  private final WorkflowTuning tuning;

  public SessionClient(WorkflowClient client, String taskQueue, WorkflowTuning tuning) {
    this.client = Objects.requireNonNull(client, "client");
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.tuning = Objects.requireNonNull(tuning, "tuning");
  }

  /**
   * Submits {@code command} and returns once it is admitted and its events are committed, or rejected.
   *
   * @param requestId identifies this submission (retrying with the same id is answered once), or null
   * @throws SessionBootstrapException when the session's workflow cannot start or rehydrate
   */
  public AdmissionOutcome submit(UniverseId universe, SessionId session, Command command, String requestId) {
    AdmissionRequest request = new AdmissionRequest(requestId == null ? UUID.randomUUID().toString() : requestId,
        CanonicalJson.write(CommandCodec.encode(command)));
    RuntimeException last = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      ensureRunning(universe, session);
      SessionWorkflow workflow = client.newWorkflowStub(SessionWorkflow.class, TemporalNames.workflowId(universe.value(), session.value()));
      try {
        return workflow.submit(request);
      } catch (WorkflowNotFoundException | WorkflowUpdateException e) {
        // The execution ended before it answered: closed, continued as new or failed on replay after a deploy
        // changed the workflow code (start again: the fresh execution rehydrates from the log), or it failed
        // to bootstrap, which starting again cannot mend.
        Optional<String> failed = bootstrapFailure(e).or(() -> endedWithBootstrapFailure(e.getExecution()));
        if (failed.isPresent()) throw new SessionBootstrapException(session.value(), failed.get(), e);
        last = e;
      }
    }
    throw new SessionBootstrapException(session.value(), "the session workflow did not accept the command: " + last.getMessage(), last);
  }

  /** {@return the workflow's status, or empty when it is not running} */
  public Optional<WorkflowStatus> status(UniverseId universe, SessionId session) {
    try {
      SessionWorkflow workflow = client.newWorkflowStub(SessionWorkflow.class, TemporalNames.workflowId(universe.value(), session.value()));
      return Optional.of(workflow.status());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts the session's workflow unless it is already running. An execution that has ended, however it
   * ended (closed, failed on replay, terminated), is followed by a fresh one, which rehydrates from the log.
   */
  public void ensureRunning(UniverseId universe, SessionId session) {
    String id = TemporalNames.workflowId(universe.value(), session.value());
    SessionWorkflow stub = client.newWorkflowStub(SessionWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(id)
        .setTaskQueue(taskQueue)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build());
    try {
      WorkflowClient.start(stub::run, new SessionWorkflowInput(universe.value(), session.value(), tuning, null));
    } catch (WorkflowExecutionAlreadyStarted running) {
      // the usual case
    }
  }

  /**
   * Restarts every open session workflow on this task queue from its event log, and {@return how many}.
   * For a worker taking over from one that died while the Temporal service lived on, when that service is
   * the embedded one: it cannot move a dead worker's sticky workflow tasks to a new worker, so those
   * sessions would wait forever. Terminating is safe because the log is authoritative: the new execution
   * rehydrates from it, and a stale execution's late append would conflict on the log's head. Call it
   * before the new worker starts polling, so no attempt of the old executions' effects runs again.
   */
  public int adoptOpenSessions() {
    WorkflowServiceStubs service = client.getWorkflowServiceStubs();
    String namespace = client.getOptions().getNamespace();
    List<WorkflowExecutionInfo> open = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListOpenWorkflowExecutionsResponse response = service.blockingStub().listOpenWorkflowExecutions(
          ListOpenWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setTypeFilter(WorkflowTypeFilter.newBuilder().setName(SessionWorkflow.class.getSimpleName()))
              .setNextPageToken(page)
              .build());
      open.addAll(response.getExecutionsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    int adopted = 0;
    for (WorkflowExecutionInfo info : open) {
      // Filter here too: not every server honours the type filter or reports the task queue.
      if (!SessionWorkflow.class.getSimpleName().equals(info.getType().getName())) continue;
      if (!info.getTaskQueue().isEmpty() && !taskQueue.equals(info.getTaskQueue())) continue;
      String id = info.getExecution().getWorkflowId();
      int slash = id.indexOf('/');
      if (slash <= 0) continue;
      try {
        client.newUntypedWorkflowStub(id).terminate("adopted by a new worker: the session rehydrates from its event log");
      } catch (WorkflowNotFoundException gone) {
        // ended on its own meanwhile
      }
      ensureRunning(UniverseId.of(id.substring(0, slash)), SessionId.of(id.substring(slash + 1)));
      adopted++;
    }
    return adopted;
  }

  /** {@return the bootstrap failure {@code execution} ended with, if that is how it ended} */
  private Optional<String> endedWithBootstrapFailure(WorkflowExecution execution) {
    if (execution == null || execution.getRunId().isEmpty()) return Optional.empty();
    try {
      client.newUntypedWorkflowStub(execution.getWorkflowId(), Optional.of(execution.getRunId()), Optional.empty())
          .getResult(1, TimeUnit.SECONDS, Void.class);
      return Optional.empty();
    } catch (WorkflowFailedException failed) {
      return bootstrapFailure(failed);
    } catch (TimeoutException | RuntimeException stillRunningOrGone) {
      return Optional.empty();
    }
  }

  private static Optional<String> bootstrapFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app && (Failures.SESSION_NOT_FOUND.equals(app.getType()) || Failures.STATE_TOO_LARGE.equals(app.getType())
          || Failures.LOG_CORRUPTED.equals(app.getType()))) {
        return Optional.of(app.getOriginalMessage());
      }
    }
    return Optional.empty();
  }
}
