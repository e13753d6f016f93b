package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.core.LogCorruptionException;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.local.SessionLoader;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionException;
import dev.lightspeed.store.log.SessionLog;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.filter.v1.StatusFilter;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.worker.NonDeterministicException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts sessions whose workflow execution failed on replay. A deploy that changes the workflow code makes
 * a new worker's replay of an older execution's history non-deterministic; the worker fails that execution
 * (see {@link SessionWorker}) and this sweep starts a fresh one for every such session that still has an
 * active or queued run, which rehydrates from the event log and carries the run on. Idle sessions are left
 * alone: their next command starts a fresh execution ({@link SessionClient#submit}).
 *
 * <p>Other failures (a session whose log is missing or corrupt) are never restarted: starting again cannot
 * mend them. Each failed execution is looked at once per process.
 */
public final class ReplayFailureRecovery implements AutoCloseable {
  /** How often a worker looks for sessions whose execution failed on replay. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(ReplayFailureRecovery.class);
  private static final String WORKFLOW_TYPE = SessionWorkflow.class.getSimpleName();
  private static final String NON_DETERMINISTIC = NonDeterministicException.class.getName();

  private final WorkflowClient client;
  private final String taskQueue;
  private final SessionLog log;
  private final SessionClient sessions;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Thread sweeper;

  public ReplayFailureRecovery(WorkflowClient client, String taskQueue, SessionLog log, SessionClient sessions) {
    this.client = Objects.requireNonNull(client, "client");
    this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    this.log = Objects.requireNonNull(log, "log");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  /** Sweeps now and then every {@code every} on a background thread, until {@link #close}. */
  public synchronized ReplayFailureRecovery start(Duration every) {
    if (sweeper != null) throw new IllegalStateException("already started");
    sweeper = Thread.ofVirtual().name("lightspeed-replay-recovery").start(() -> {
      do {
        try {
          sweep();
        } catch (RuntimeException e) {
          LOG.warn("looking for sessions that failed on replay did not work this time: {}", e.getMessage());
        }
      } while (!awaitStop(every));
    });
    return this;
  }

  /**
   * Looks once at the failed session executions on this task queue not looked at before, and restarts those
   * that failed on replay and still have an active or queued run. {@return how many were restarted}
   */
  public int sweep() {
    int restarted = 0;
    for (WorkflowExecutionInfo info : failedExecutions()) {
      if (!WORKFLOW_TYPE.equals(info.getType().getName())) continue;
      if (!info.getTaskQueue().isEmpty() && !taskQueue.equals(info.getTaskQueue())) continue;
      WorkflowExecution execution = info.getExecution();
      if (!seen.add(execution.getWorkflowId() + "@" + execution.getRunId())) continue;
      try {
        if (restartIfDue(execution)) restarted++;
      } catch (RuntimeException e) {
        seen.remove(execution.getWorkflowId() + "@" + execution.getRunId()); // look again next time
        LOG.warn("session workflow {} failed on replay and could not be restarted yet: {}", execution.getWorkflowId(), e.getMessage());
      }
    }
    return restarted;
  }

  private boolean restartIfDue(WorkflowExecution execution) {
    String id = execution.getWorkflowId();
    int slash = id.indexOf('/');
    if (slash <= 0 || !failedOnReplay(execution) || currentlyRunning(id)) return false;
    UniverseId universe = UniverseId.of(id.substring(0, slash));
    SessionId session = SessionId.of(id.substring(slash + 1));
    SessionState state;
    try {
      state = SessionLoader.load(log, universe, session);
    } catch (SessionException | LogCorruptionException e) {
      LOG.warn("session {} failed on replay and cannot be restarted: {}", session.value(), e.getMessage());
      return false;
    }
    if (state.runs().active().isEmpty() && state.runs().queue().isEmpty()) return false;
    LOG.info("session {} failed on replay (the workflow code changed); restarting it from its event log", session.value());
    sessions.ensureRunning(universe, session);
    return true;
  }

  private List<WorkflowExecutionInfo> failedExecutions() {
    WorkflowServiceStubs service = client.getWorkflowServiceStubs();
    String namespace = client.getOptions().getNamespace();
    List<WorkflowExecutionInfo> failed = new ArrayList<>();
    ByteString page = ByteString.EMPTY;
    do {
      ListClosedWorkflowExecutionsResponse response = service.blockingStub().listClosedWorkflowExecutions(
          ListClosedWorkflowExecutionsRequest.newBuilder()
              .setNamespace(namespace)
              .setStatusFilter(StatusFilter.newBuilder().setStatus(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED))
              .setNextPageToken(page)
              .build());
      // Filter here too: not every server honours the status filter.
      for (WorkflowExecutionInfo info : response.getExecutionsList()) {
        if (info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED) failed.add(info);
      }
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    return failed;
  }

  /** {@return whether {@code execution} ended with a non-determinism failure} */
  private boolean failedOnReplay(WorkflowExecution execution) {
    List<HistoryEvent> events = client.getWorkflowServiceStubs().blockingStub().getWorkflowExecutionHistory(
        GetWorkflowExecutionHistoryRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(execution)
            .setHistoryEventFilterType(HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
            .build()).getHistory().getEventsList();
    if (events.isEmpty()) return false;
    HistoryEvent close = events.get(events.size() - 1);
    if (!close.hasWorkflowExecutionFailedEventAttributes()) return false;
    for (Failure f = close.getWorkflowExecutionFailedEventAttributes().getFailure(); ; f = f.getCause()) {
      if (f.hasApplicationFailureInfo() && NON_DETERMINISTIC.equals(f.getApplicationFailureInfo().getType())) return true;
      if (!f.hasCause()) return false;
    }
  }

  /** {@return whether the latest execution of {@code workflowId} runs (a command may have restarted it already)} */
  private boolean currentlyRunning(String workflowId) {
    try {
      return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
              .build())
          .getWorkflowExecutionInfo().getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return false;
      throw e;
    }
  }

  private boolean awaitStop(Duration every) {
    try {
      return stopped.await(every.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Stops the background sweep; a sweep under way finishes first. */
  @Override
  public void close() {
    stopped.countDown();
    Thread t;
    synchronized (this) {
      t = sweeper;
    }
    if (t == null) return;
    try {
      t.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
