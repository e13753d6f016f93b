package dev.lightspeed.bench;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.runtime.local.InputItems;
import dev.lightspeed.runtime.temporal.AdmissionOutcome;
import dev.lightspeed.runtime.temporal.EmbeddedTemporal;
import dev.lightspeed.runtime.temporal.RunAborts;
import dev.lightspeed.runtime.temporal.SessionActivitiesImpl;
import dev.lightspeed.runtime.temporal.SessionClient;
import dev.lightspeed.runtime.temporal.SessionWorker;
import dev.lightspeed.runtime.temporal.TemporalNames;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The hosted runtime wired for benchmarks: a Temporal server (the SDK's test server, real time), one
 * {@link SessionWorker} whose activities use the given stores, a scripted model (optionally behind another
 * LLM port) and scripted tools, and a {@link SessionClient}. The bench's counterpart of the runtime's test
 * harness, which it cannot depend on. Runs are awaited through {@link RunEndWatch}, never by polling.
 */
final class HostedRig implements AutoCloseable {
  static final UniverseId U = UniverseId.DEFAULT;
  static final Duration WAIT = Duration.ofSeconds(120);

  final RunEndWatch log;
  final BlobStore blobs;
  final ScriptedModel model;
  final ScriptedTools tools;
  final WorkflowClient workflows;
  final SessionClient client;
  private final AutoCloseable temporal;
  private final TemporalServerProcess serverProcess;
  private final SessionWorker worker;

  private HostedRig(TemporalPlacement placement, WorkflowTuning tuning, SessionLog log, BlobStore blobs, Function<ScriptedModel, LlmPort> llm) {
    this.log = new RunEndWatch(log);
    this.blobs = blobs;
    this.model = new ScriptedModel(blobs);
    this.tools = new ScriptedTools(blobs);
    if (placement == TemporalPlacement.IN_PROCESS) {
      EmbeddedTemporal embedded = EmbeddedTemporal.start("127.0.0.1", 0);
      this.serverProcess = null;
      this.temporal = embedded;
      this.workflows = embedded.client();
    } else {
      TemporalServerProcess server = TemporalServerProcess.start();
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget("127.0.0.1:" + server.port()).build());
      this.serverProcess = server;
      this.temporal = () -> {
        stubs.shutdownNow();
        server.close();
      };
      this.workflows = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    }
    this.client = new SessionClient(workflows, TemporalNames.TASK_QUEUE, tuning);
    RunAborts aborts = new RunAborts();
    this.worker = SessionWorker.start(workflows, TemporalNames.TASK_QUEUE,
        new SessionActivitiesImpl(this.log, blobs, llm.apply(model), tools, aborts), aborts);
  }

  static HostedRig start(TemporalPlacement placement, WorkflowTuning tuning, SessionLog log, BlobStore blobs, Function<ScriptedModel, LlmPort> llm) {
    return new HostedRig(placement, tuning, log, blobs, llm);
  }

  /** Creates session {@code id}, opens it with {@code config} and installs the scripted tools. */
  SessionId open(String id, Json.Obj config) {
    SessionId session = SessionId.of(id);
    log.create(U, session);
    submit(session, new Command.OpenSession(config));
    submit(session, new Command.ReplaceTools(tools.specs(U)));
    return session;
  }

  /**
   * Submits {@code command} and waits for durable admission.
   *
   * @throws IllegalStateException when it is rejected
   */
  AdmissionOutcome submit(SessionId session, Command command) {
    AdmissionOutcome outcome = client.submit(U, session, command, null);
    if (!outcome.admitted()) throw new IllegalStateException("not admitted: " + command.getClass().getSimpleName() + " " + outcome);
    return outcome;
  }

  /**
   * Requests a run with {@code text} as input and waits until it ends.
   *
   * @throws IllegalStateException when it ends other than completed
   */
  void runToCompletion(SessionId session, String submissionId, String text) {
    Future<String> end = log.nextRunEnd(U, session);
    submit(session, new Command.RequestRun(submissionId, List.of(InputItems.text(blobs, U, text)), Json.Obj.EMPTY));
    String kind = await(end, "the run of " + session.value());
    if (!kind.endsWith(".completed")) throw new IllegalStateException("the run of " + session.value() + " ended " + kind + ": " + lastError(session));
  }

  String workflowId(SessionId session) {
    return TemporalNames.workflowId(U.value(), session.value());
  }

  /** {@return the Temporal server's heap after GC when it runs in its own process} */
  long serverHeapUsedAfterGc() {
    if (serverProcess == null) throw new IllegalStateException("the Temporal server runs in this process");
    return serverProcess.heapUsedAfterGc();
  }

  private String lastError(SessionId session) {
    return client.status(U, session).map(s -> s.lastError()).orElse("(no status)");
  }

  static <T> T await(Future<T> future, String what) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(what + " did not end within " + WAIT, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + what, e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      worker.shutdown(Duration.ofSeconds(1));
    } finally {
      temporal.close();
    }
  }
}
