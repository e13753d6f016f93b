package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.CommandCodec;
import dev.lightspeed.engine.command.CommandDecodeException;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.Drive;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.session.SessionStateCodec;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The session workflow: bootstraps the drive from the log (through an activity), then loops: admit what
 * the inbox allows, take the drive's next action, append through an activity, start effects as cancellable
 * activities, and fold their results back in as they land. While effects are in flight only run control
 * (run requests, cancel, steer, close) is admitted; config and context edits wait for the turn to end.
 */
public final class SessionWorkflowImpl implements SessionWorkflow {
  private static final Logger LOG = Workflow.getLogger(SessionWorkflowImpl.class);
  private static final int MAX_RECENT_FAILURES = 20;

  private final Deque<Pending> inbox = new ArrayDeque<>();
  private final List<Pending> awaitingCommit = new ArrayList<>();
  private final Deque<Runnable> results = new ArrayDeque<>();
  private final Map<String, Effect> inFlight = new LinkedHashMap<>();
  private final Set<Long> abortedRuns = new HashSet<>();
  private final Set<Long> forceCancelTimers = new HashSet<>();
  private final Deque<AdmissionFailure> failures = new ArrayDeque<>();
  private String lastError = "";
  private Drive drive;
  private SessionWorkflowInput input;
  private String universe;
  private String session;

  private SessionActivities store;
  private SessionActivities localStore;
  private SessionActivities preparations;
  private SessionActivities llm;
  private SessionActivities tools;
  private SessionActivities tryOnceTools;
  private AbortActivities local;

  /** An admission waiting in the inbox or for its events to commit. */
  private static final class Pending {
    final AdmissionRequest request;
    final boolean answer;
    Command command;
    String unreadable;
    long commitAt = -1;
    long run;
    AdmissionOutcome outcome;

    Pending(AdmissionRequest request, boolean answer) {
      this.request = request;
      this.answer = answer;
    }
  }

  /** An effect activity in flight, with the scope that cancels it. */
  private record Effect(long run, CancellationScope scope) {}

  @Override
  public void run(SessionWorkflowInput input) {
    this.input = input;
    this.universe = input.universe();
    this.session = input.session();
    input.recentFailures().forEach(failures::addLast);
    stubs(input.tuning());

    LoadedSession loaded = store.loadSession(universe, session);
    drive = Drive.resume(SessionStateCodec.fromBytes(loaded.state().getBytes(StandardCharsets.UTF_8)));

    while (true) {
      admitInbox();
      Action action = drive.next(Workflow.currentTimeMillis());
      switch (action) {
        case Action.AppendEvents append -> {
          append(append);
          if (continueAsNewNow()) return;
        }
        case Action.PrepareRun prepare -> prepare(prepare.run());
        case Action.GenerateTurn generate -> startGeneration(generate);
        case Action.InvokeTools invoke -> startTools(invoke.request());
        case Action.CompactContext compact -> startCompaction(compact);
        case Action.Idle idle -> {
          Workflow.await(() -> !results.isEmpty() || admissible());
          while (!results.isEmpty()) results.removeFirst().run();
        }
        case Action.Closed closed -> {
          finishClosed();
          return;
        }
      }
    }
  }

  @Override
  public void admit(AdmissionRequest request) {
    inbox.addLast(new Pending(request, false));
  }

  @Override
  public AdmissionOutcome submit(AdmissionRequest request) {
    Pending p = new Pending(request, true);
    inbox.addLast(p);
    Workflow.await(() -> p.outcome != null);
    return p.outcome;
  }

  @Override
  public WorkflowStatus status() {
    if (drive == null) return new WorkflowStatus(0, 0, "", List.of(), inbox.size(), 0, List.copyOf(failures), lastError);
    SessionState s = drive.projectedState();
    Optional<Run> active = s.runs().active();
    return new WorkflowStatus(drive.state().head(), active.map(Run::id).orElse(0L), active.map(r -> r.status().name().toLowerCase()).orElse(""),
        s.runs().queue().stream().map(Run::id).toList(), inbox.size(), inFlight.size(), List.copyOf(failures), lastError);
  }

  // ---- admission ----------------------------------------------------------------------------------------

  private boolean admissible() {
    if (drive == null) return false;
    for (Pending p : inbox) if (inFlight.isEmpty() || runControl(p)) return true;
    return false;
  }

  private void admitInbox() {
    boolean busy = !inFlight.isEmpty();
    Iterator<Pending> it = inbox.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      boolean control = runControl(p); // decodes the command once
      if (busy && !control) continue; // config and context edits wait for the turn to end
      it.remove();
      if (p.command == null) {
        reject(p, "command", "invalid_request", "the command could not be read: " + p.unreadable);
        continue;
      }
      Command command = p.command;
      switch (drive.submit(command)) {
        case Admission.Admitted admitted -> {
          p.commitAt = drive.projectedState().head();
          p.run = admitted.run();
          awaitingCommit.add(p);
        }
        case Admission.Rejected rejected ->
            reject(p, commandType(command), rejected.rejection().kind().wireName(), rejected.rejection().message());
      }
    }
    answerCommitted();
  }

  private static boolean runControl(Pending p) {
    if (p.command == null && p.unreadable == null) {
      try {
        p.command = CommandCodec.decode(CanonicalJson.parse(p.request.command()));
      } catch (CommandDecodeException | IllegalArgumentException e) {
        p.unreadable = e.getMessage();
      }
    }
    return switch (p.command) {
      case null -> true; // unreadable: answered at once
      case Command.RequestRun r -> true;
      case Command.CancelRun c -> true;
      case Command.ForceCancelRun c -> true;
      case Command.SteerRun s -> true;
      case Command.CloseSession c -> true;
      default -> false;
    };
  }

  private void reject(Pending p, String commandType, String kind, String message) {
    p.outcome = AdmissionOutcome.rejected(p.request.id(), kind, message, drive.state().head());
    failures.addLast(new AdmissionFailure(p.request.id(), commandType, kind, message, Workflow.currentTimeMillis()));
    while (failures.size() > MAX_RECENT_FAILURES) failures.removeFirst();
  }

  private void answerCommitted() {
    long head = drive.state().head();
    awaitingCommit.removeIf(p -> {
      if (p.commitAt > head) return false;
      p.outcome = AdmissionOutcome.admitted(p.request.id(), p.run, head);
      return true;
    });
  }

  private static String commandType(Command command) {
    return command.getClass().getSimpleName();
  }

  // ---- appends ------------------------------------------------------------------------------------------

  private void append(Action.AppendEvents append) {
    List<String> entries = new ArrayList<>(append.entries().size());
    for (NewEntry e : append.entries()) entries.add(SessionActivitiesImpl.entryText(e));
    localStore.appendEvents(universe, session, append.expectedHead(), entries);
    List<LogEntry> committed = new ArrayList<>(entries.size());
    long seq = append.expectedHead();
    for (NewEntry e : append.entries()) committed.add(e.at(++seq));
    drive.resumeAppended(committed);
    answerCommitted();
    cancelAbortedEffects();
  }

  /** Cancels effects of runs that are cancelling or gone, and arms the force-cancel timer of a cancelling run. */
  private void cancelAbortedEffects() {
    for (Effect effect : List.copyOf(inFlight.values())) {
      if (effect.run() == 0 || !drive.shouldAbort(effect.run())) continue;
      // First tell effects in this process directly (milliseconds), then cancel the activities (heartbeats).
      if (abortedRuns.add(effect.run())) local.abortRun(universe, session, effect.run());
      effect.scope().cancel("run " + effect.run() + " is cancelling");
    }
    Optional<Run> active = drive.state().runs().active();
    if (active.isPresent() && active.get().status() == RunStatus.CANCELLING && forceCancelTimers.add(active.get().id())) {
      long run = active.get().id();
      Workflow.newTimer(Duration.ofMillis(input.tuning().forceCancelAfterMs())).thenApply(ignored -> {
        results.addLast(() -> forceCancelIfStuck(run));
        return null;
      });
    }
  }

  private void forceCancelIfStuck(long run) {
    Optional<Run> active = drive.projectedState().runs().active();
    if (active.isPresent() && active.get().id() == run && active.get().status() == RunStatus.CANCELLING) {
      LOG.warn("run {} of session {} has been cancelling for {} ms; force-cancelling it", run, session, input.tuning().forceCancelAfterMs());
      drive.submit(new Command.ForceCancelRun(run));
      for (Effect effect : List.copyOf(inFlight.values())) if (effect.run() == run) effect.scope().cancel("run force-cancelled");
    }
  }

  // ---- effects ------------------------------------------------------------------------------------------

  /**
   * Prepares a run before its first turn (a short local activity). A preparation that keeps failing does not
   * stop the run: it goes on with the entries it had, and the failure is the session's last error.
   */
  private void prepare(long run) {
    PreparationResult result;
    try {
      result = EffectCodec.preparation(preparations.prepareRun(universe, session, drive.state().head(), run));
    } catch (ActivityFailure e) {
      lastError = "run " + run + " could not be prepared (" + describe(e) + "); it goes on with the context entries it had";
      LOG.warn("session {}: {}", session, lastError);
      result = PreparationResult.unchanged(run);
    }
    drive.resumePreparation(result);
  }

  private void startGeneration(Action.GenerateTurn generate) {
    long run = generate.request().run();
    long turn = generate.request().turn();
    long head = drive.state().head();
    String key = "turn:" + turn;
    CancellationScope scope = Workflow.newCancellationScope(() -> {
      Promise<String> result = Async.function(llm::generateTurn, universe, session, head, run, turn);
      result.handle((value, failure) -> {
        results.addLast(() -> {
          inFlight.remove(key);
          drive.resumeGeneration(generationResult(run, turn, value, failure));
        });
        return null;
      });
    });
    inFlight.put(key, new Effect(run, scope));
    scope.run();
  }

  private GenerationResult generationResult(long run, long turn, String value, RuntimeException failure) {
    if (failure == null) return EffectCodec.generation(value);
    if (cancelled(failure)) return new GenerationResult.Cancelled(turn);
    String message = "the model call failed: " + describe(failure);
    lastError = message;
    return new GenerationResult.Failed(turn, reasonBlob(message), message);
  }

  private void startTools(ToolBatchRequest request) {
    long head = drive.state().head();
    for (ToolBatchRequest.Invocation call : request.calls()) {
      String key = "call:" + request.batch() + "/" + call.call().callId();
      SessionActivities stub = call.spec().retrySafety() == RetrySafety.RETRY_SAFE ? tools : tryOnceTools;
      CancellationScope scope = Workflow.newCancellationScope(() -> {
        Promise<String> result = Async.function(stub::invokeToolCall, new ToolCallTask(universe, session, head, request.run(),
            request.turn(), request.batch(), EffectCodec.invocation(call)));
        result.handle((value, failure) -> {
          results.addLast(() -> {
            inFlight.remove(key);
            drive.resumeToolCall(toolResult(request.batch(), call, value, failure));
          });
          return null;
        });
      });
      inFlight.put(key, new Effect(request.run(), scope));
      scope.run();
    }
  }

  private ToolCallResult toolResult(long batch, ToolBatchRequest.Invocation call, String value, RuntimeException failure) {
    if (failure == null) return EffectCodec.toolResult(value);
    String callId = call.call().callId();
    if (cancelled(failure)) {
      WellKnownBlob w = WellKnownBlob.TOOL_CANCELLED;
      return new ToolCallResult(batch, callId, CallOutcome.CANCELLED, w.ref(), w.bytes().length, w.text());
    }
    String message = "tool " + call.call().name() + " failed: " + describe(failure);
    lastError = message;
    BlobRef reason = reasonBlob(message);
    return new ToolCallResult(batch, callId, CallOutcome.FAILED, reason, message.length(), message);
  }

  private void startCompaction(Action.CompactContext compact) {
    long head = drive.state().head();
    long id = compact.request().compaction();
    long run = drive.state().context().pendingCompaction().map(p -> p.run()).orElse(0L);
    String key = "compaction:" + id;
    CancellationScope scope = Workflow.newCancellationScope(() -> {
      Promise<String> result = Async.function(llm::compactContext, universe, session, head, run);
      result.handle((value, failure) -> {
        results.addLast(() -> {
          inFlight.remove(key);
          drive.resumeCompaction(compactionResult(id, value, failure));
        });
        return null;
      });
    });
    inFlight.put(key, new Effect(run, scope));
    scope.run();
  }

  private CompactionResult compactionResult(long id, String value, RuntimeException failure) {
    if (failure == null) return EffectCodec.compaction(value);
    String message = cancelled(failure) ? "the compaction was cancelled" : "the compaction failed: " + describe(failure);
    if (!cancelled(failure)) lastError = message;
    return new CompactionResult.Failed(id, reasonBlob(message), message);
  }

  private BlobRef reasonBlob(String message) {
    String json = CanonicalJson.write(Json.Obj.builder().put("error", message).build());
    return BlobRef.parse(localStore.putBlob(universe, json));
  }

  private static boolean cancelled(RuntimeException failure) {
    return failure instanceof CanceledFailure || failure instanceof ActivityFailure a && a.getCause() instanceof CanceledFailure;
  }

  /** The innermost message a user can act on: the provider's error after retries ran out, or the timeout. */
  private static String describe(RuntimeException failure) {
    Throwable t = failure;
    while (t instanceof ActivityFailure && t.getCause() != null) t = t.getCause();
    if (t instanceof ApplicationFailure app) return app.getOriginalMessage();
    if (t instanceof TimeoutFailure timeout) return "timed out (" + timeout.getTimeoutType().name().toLowerCase().replace("timeout_type_", "") + ")";
    return t.getMessage();
  }

  // ---- continue-as-new and closing ----------------------------------------------------------------------

  /** At a safe point (a committed append, nothing in flight, queues drained), continues as new when due. */
  private boolean continueAsNewNow() {
    var info = Workflow.getInfo();
    boolean due = info.isContinueAsNewSuggested() || info.getHistoryLength() >= input.tuning().historyThreshold();
    if (!due || !inFlight.isEmpty() || !results.isEmpty() || !inbox.isEmpty() || !awaitingCommit.isEmpty()) return false;
    if (drive.projectedState().head() != drive.state().head()) return false; // admitted events still to append
    Workflow.await(() -> Workflow.isEveryHandlerFinished() || !inbox.isEmpty());
    if (!inbox.isEmpty()) return false;
    Workflow.continueAsNew(new SessionWorkflowInput(universe, session, input.tuning(), List.copyOf(failures)));
    return true;
  }

  private void finishClosed() {
    // Commands that raced the close are answered (rejected by the closed session), never left hanging.
    while (true) {
      admitInbox();
      Action next = drive.next(Workflow.currentTimeMillis());
      if (next instanceof Action.AppendEvents append) {
        append(append);
        continue;
      }
      if (inbox.isEmpty() && awaitingCommit.isEmpty()) break;
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  /**
   * Effect activities are abandoned, not cancelled through the server, when their run is cancelled: the
   * workflow moves on at once and the activity learns from the session log (and, in this process, from the
   * local abort activity) that its run is over. A server-side cancel request can cross the activity's own
   * completion, which the embedded Temporal server answers by failing the workflow task without scheduling
   * another, leaving the session stuck; abandoning has no such race, and an abandoned retry finds its run
   * ended in the log and stops before calling the provider.
   */
  private void stubs(WorkflowTuning tuning) {
    RetryOptions storeRetry = RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofMillis(500))
        .setMaximumInterval(Duration.ofSeconds(30))
        .setDoNotRetry(Failures.SESSION_NOT_FOUND, Failures.STATE_TOO_LARGE, Failures.LOG_CORRUPTED, Failures.APPEND_CONFLICT)
        .build();
    store = Workflow.newActivityStub(SessionActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setRetryOptions(storeRetry)
        .build());
    // Appends and blob writes are short, idempotent store calls: as local activities they run inside the
    // workflow task (one marker in history, no round trip through the task queue), halving a turn's latency.
    // The entries are in the log already; the marker needs only the result, not a second copy of them.
    localStore = Workflow.newLocalActivityStub(SessionActivities.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(60))
        .setDoNotIncludeArgumentsIntoMarker(true)
        .setRetryOptions(storeRetry)
        .build());
    preparations = Workflow.newLocalActivityStub(SessionActivities.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setDoNotIncludeArgumentsIntoMarker(true)
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(500)).setMaximumAttempts(3).build())
        .build());
    Duration heartbeat = Duration.ofMillis(tuning.heartbeatTimeoutMs());
    llm = Workflow.newActivityStub(SessionActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setScheduleToCloseTimeout(Duration.ofMillis(tuning.llmScheduleToCloseMs()))
        .setHeartbeatTimeout(heartbeat)
        .setCancellationType(ActivityCancellationType.ABANDON)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(tuning.llmInitialRetryMs()))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMillis(tuning.llmMaxRetryMs()))
            .setMaximumAttempts(tuning.llmMaxAttempts())
            .setDoNotRetry("NoPendingCompaction")
            .build())
        .build());
    ActivityOptions toolOptions = ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(heartbeat)
        .setCancellationType(ActivityCancellationType.ABANDON)
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setMaximumAttempts(3).build())
        .build();
    tools = Workflow.newActivityStub(SessionActivities.class, toolOptions);
    tryOnceTools = Workflow.newActivityStub(SessionActivities.class, ActivityOptions.newBuilder(toolOptions)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
    local = Workflow.newLocalActivityStub(AbortActivities.class, LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(5))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
        .build());
  }
}
