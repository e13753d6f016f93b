package dev.lightspeed.runtime.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.NonDeterministicException;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A worker process's share of the hosted runtime: polls the task queue, runs session workflows on virtual
 * threads with a workflow cache sized for thousands of parked sessions, and runs their activities.
 *
 * <p>A replay that no longer matches a session's history (a deploy changed the workflow code) fails that
 * execution instead of retrying its workflow task forever; the session's event log is authoritative, so a
 * fresh execution rehydrates from it (see {@link ReplayFailureRecovery} and {@link SessionClient#submit}).
 */
public final class SessionWorker implements AutoCloseable {
  /** Sticky-cached workflows per worker; an idle session costs little, and evicted ones replay on demand. */
  public static final int WORKFLOW_CACHE_SIZE = 10_000;

  private final WorkerFactory factory;

  private SessionWorker(WorkerFactory factory) {
    this.factory = factory;
  }

  /** Registers the session workflow and its activities on {@code taskQueue} and starts polling. */
  public static SessionWorker start(WorkflowClient client, String taskQueue, SessionActivities activities, RunAborts aborts) {
    SessionWorker worker = create(client, taskQueue, activities, aborts);
    worker.start();
    return worker;
  }

  /**
   * Registers the session workflow and its activities on {@code taskQueue} without polling yet, so the
   * caller can first {@link SessionClient#adoptOpenSessions adopt} sessions a dead worker left behind.
   */
  public static SessionWorker create(WorkflowClient client, String taskQueue, SessionActivities activities, RunAborts aborts) {
    return create(client, taskQueue, activities, aborts, SessionWorkflowImpl.class);
  }

  /** As {@link #create(WorkflowClient, String, SessionActivities, RunAborts)} with another implementation (tests: a changed deploy). */
  static SessionWorker create(WorkflowClient client, String taskQueue, SessionActivities activities, RunAborts aborts,
      Class<? extends SessionWorkflow> implementation) {
    Objects.requireNonNull(activities, "activities");
    WorkerFactory factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
        .setUsingVirtualWorkflowThreads(true)
        .setWorkflowCacheSize(WORKFLOW_CACHE_SIZE)
        .setMaxWorkflowThreadCount(WORKFLOW_CACHE_SIZE * 2)
        .build());
    Worker worker = factory.newWorker(taskQueue, WorkerOptions.newBuilder()
        .setUsingVirtualThreads(true)
        .setMaxConcurrentActivityExecutionSize(1_000)
        .setMaxConcurrentLocalActivityExecutionSize(200)
        .build());
    worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
        .setFailWorkflowExceptionTypes(NonDeterministicException.class)
        .build(), implementation);
    worker.registerActivitiesImplementations(activities, new AbortActivitiesImpl(aborts));
    return new SessionWorker(factory);
  }

  /** Starts polling the task queue. */
  public void start() {
    factory.start();
  }

  /**
   * Stops polling and lets in-flight activities finish for up to {@code grace}; what is still running after
   * that is abandoned to Temporal, which retries it elsewhere once its heartbeat times out.
   */
  public void shutdown(Duration grace) {
    factory.shutdown();
    try {
      factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException ignored) {
      // fall through to a hard stop
    }
    factory.shutdownNow();
  }

  @Override
  public void close() {
    shutdown(Duration.ofSeconds(10));
  }
}
