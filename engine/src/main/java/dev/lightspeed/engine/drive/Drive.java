package dev.lightspeed.engine.drive;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.core.Admit;
import dev.lightspeed.engine.core.Evolve;
import dev.lightspeed.engine.core.Planner;
import dev.lightspeed.engine.core.PlanningException;
import dev.lightspeed.engine.core.Preparation;
import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.core.Requests;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Drives one session: hands its host one {@link Action} at a time and folds the host's reports back in.
 *
 * <p>The loop a host runs: call {@link #next}; perform the action; report it ({@link #resumeAppended},
 * {@link #resumePreparation}, {@link #resumeGeneration}, {@link #resumeToolCall}, {@link #resumeCompaction}); repeat until
 * {@link Action.Idle}, then wait for a command ({@link #submit}) or an outstanding effect result. State
 * changes only when committed entries are reported, so a drive rebuilt from the log ({@link #resume})
 * continues where the old one stopped; effects that were in flight are handed out again (at least once),
 * except calls of tools that are not retry-safe, which are reported as failed, and calls of a cancelling
 * run, which get the cancelled result instead of starting.
 *
 * <p>Not thread-safe: one host thread owns a drive. Pure apart from its own fields: no I/O, no clock (the
 * host passes the time to stamp on entries), no randomness.
 */
public final class Drive {
  private SessionState state;
  private final List<Event> pending = new ArrayList<>();
  private SessionState projected;
  private Action.AppendEvents inFlight;
  private List<Event> inFlightEvents = List.of();
  private long dispatchedTurn;
  private final Set<String> dispatchedCalls = new HashSet<>();
  private long dispatchedCompaction;
  private long dispatchedPreparation;
  private final Set<String> interruptedCalls = new HashSet<>();

  private Drive(SessionState state) {
    this.state = Objects.requireNonNull(state, "state");
    this.projected = state;
    state.runs().active().flatMap(Run::openTurn).flatMap(Turn::batch).ifPresent(batch -> {
      for (CallState c : batch.calls()) if (c.inFlight()) interruptedCalls.add(callKey(batch.id(), c.call().callId()));
    });
  }

  /** {@return a drive for a session whose log is empty} */
  public static Drive create() {
    return new Drive(SessionState.INITIAL);
  }

  /** {@return a drive continuing from a state rebuilt from the log} */
  public static Drive resume(SessionState state) {
    return new Drive(state);
  }

  /** {@return the committed state: the fold of every entry reported through {@link #resumeAppended}} */
  public SessionState state() {
    return state;
  }

  /** {@return the state as it will be once everything admitted or reported so far is committed} */
  public SessionState projectedState() {
    return projected;
  }

  /**
   * Admits a command against the projected state. Admitted events are appended by a later
   * {@link Action.AppendEvents}; a rejection changes nothing.
   */
  public Admission submit(Command command) {
    Admission admission = Admit.admit(projected, command);
    if (admission instanceof Admission.Admitted admitted) addPending(admitted.events());
    return admission;
  }

  /** {@return the next action} {@code nowMs} (host time) stamps any entries the action appends. */
  public Action next(long nowMs) {
    if (inFlight != null) return new Action.Idle(outstanding());
    if (!pending.isEmpty()) return handOut(new ArrayList<>(pending), nowMs);
    List<Event> planned = Planner.plan(state);
    if (!planned.isEmpty()) return handOut(planned, nowMs);
    if (state.lifecycle() == Lifecycle.CLOSED) return new Action.Closed();
    Optional<Action> effect = nextEffect(nowMs);
    return effect.orElseGet(() -> new Action.Idle(outstanding()));
  }

  /**
   * Reports that the last {@link Action.AppendEvents} committed as {@code committed} (the entries the log
   * returned, including a confirmed retry).
   *
   * @throws IllegalStateException when no append is in flight or the entries are not the ones handed out
   */
  public void resumeAppended(List<LogEntry> committed) {
    if (inFlight == null) throw new IllegalStateException("no append is in flight");
    List<NewEntry> sent = inFlight.entries();
    if (committed.size() != sent.size()) {
      throw new IllegalStateException("appended " + sent.size() + " entries but " + committed.size() + " were reported");
    }
    SessionState s = state;
    for (int i = 0; i < committed.size(); i++) {
      LogEntry entry = committed.get(i);
      if (!entry.unsequenced().equals(sent.get(i))) {
        throw new IllegalStateException("reported entry at seq " + entry.seq() + " is not the entry that was appended");
      }
      s = Replay.applyDecoded(s, entry.seq(), inFlightEvents.get(i));
    }
    state = s;
    inFlight = null;
    inFlightEvents = List.of();
    projected = project(state, pending);
    forgetFinishedDispatches();
  }

  /**
   * Reports a generation's result. {@return false when the result is stale (its turn is no longer waiting
   * for it, e.g. the run was force-cancelled) and was ignored}
   */
  public boolean resumeGeneration(GenerationResult result) {
    if (projected.lifecycle() != Lifecycle.OPEN) return false;
    Optional<Run> run = projected.runs().active();
    if (run.isEmpty() || run.get().openTurn().isEmpty()) return false;
    Turn turn = run.get().turn();
    if (turn.id() != result.turn() || turn.phase() != TurnPhase.GENERATING) return false;
    if (dispatchedTurn == turn.id()) dispatchedTurn = 0;
    long runId = run.get().id();
    boolean cancelling = run.get().status() == RunStatus.CANCELLING;
    List<Event> events = switch (result) {
      case GenerationResult.Completed c -> completed(runId, c);
      case GenerationResult.Failed f -> cancelling
          ? List.of(new TurnEvent.Cancelled(runId, turn.id()))
          : List.of(new TurnEvent.GenerationFailed(runId, turn.id(), f.reason(), f.message()),
              new RunEvent.Failed(runId, FailureKind.PROVIDER_ERROR, f.reason(), f.message()));
      case GenerationResult.Cancelled c -> cancelling
          ? List.of(new TurnEvent.Cancelled(runId, turn.id()))
          : failed(runId, turn.id(), FailureKind.PROVIDER_ERROR, WellKnownBlob.LLM_FAILED_AT_BOUNDARY, "the generation was aborted by the host");
    };
    addPending(events);
    return true;
  }

  private static List<Event> completed(long runId, GenerationResult.Completed c) {
    Set<String> ids = new HashSet<>();
    for (ToolCall call : c.toolCalls()) {
      if (!ids.add(call.callId())) {
        return failed(runId, c.turn(), FailureKind.PROVIDER_ERROR, WellKnownBlob.LLM_FAILED_AT_BOUNDARY,
            "the model returned tool call id \"" + call.callId() + "\" twice");
      }
    }
    return List.of(new TurnEvent.GenerationCompleted(runId, c.turn(), c.response(), c.finishReason(), c.usage(), c.outputs(), c.toolCalls(), c.providerResponseId()));
  }

  private static List<Event> failed(long runId, long turnId, FailureKind kind, WellKnownBlob reason, String message) {
    return List.of(new TurnEvent.GenerationFailed(runId, turnId, reason.ref(), message), new RunEvent.Failed(runId, kind, reason.ref(), message));
  }

  /**
   * Reports a run's preparation. Items equal to the entries already in the context and keys not present are
   * left out of the recorded event. {@return false when the run no longer waits for it (it was cancelled, or
   * this is a repeated report) and the result was ignored}
   */
  public boolean resumePreparation(PreparationResult result) {
    if (projected.lifecycle() != Lifecycle.OPEN) return false;
    Optional<Run> run = projected.runs().active();
    if (run.isEmpty() || run.get().id() != result.run() || !Preparation.awaited(projected, run.get())) return false;
    if (dispatchedPreparation == result.run()) dispatchedPreparation = 0;
    ContextState context = projected.context();
    List<ContextItem> applied = result.applied().stream()
        .filter(item -> context.findByKey(item.key()).map(e -> !e.item().equals(item)).orElse(true)).toList();
    List<String> removed = result.removedKeys().stream().filter(key -> context.findByKey(key).isPresent()).distinct().toList();
    List<Event> events = new ArrayList<>(2);
    result.tools().filter(tools -> !sameTools(tools, projected.tooling().tools())).ifPresent(tools -> events.add(new ToolsEvent.Replaced(tools)));
    events.add(new RunEvent.Prepared(result.run(), applied, removed));
    addPending(events);
    return true;
  }

  private static boolean sameTools(List<ToolSpec> tools, Map<String, ToolSpec> current) {
    if (tools.size() != current.size()) return false;
    for (ToolSpec t : tools) if (!t.equals(current.get(t.name()))) return false;
    return true;
  }

  /** Reports one tool call's result. {@return false when the call is no longer in flight and the result was ignored} */
  public boolean resumeToolCall(ToolCallResult result) {
    if (projected.lifecycle() != Lifecycle.OPEN) return false;
    Optional<CallState> call = inFlightCall(projected, result.batch(), result.callId());
    if (call.isEmpty()) return false;
    dispatchedCalls.remove(callKey(result.batch(), result.callId()));
    Run run = projected.runs().activeRun();
    addPending(List.of(new ToolEvent.CallCompleted(run.id(), run.turn().id(), result.batch(), result.callId(), result.outcome(),
        result.output(), result.size(), result.preview())));
    return true;
  }

  /** Reports a standalone compaction's result. {@return false when that compaction is not pending} */
  public boolean resumeCompaction(CompactionResult result) {
    if (projected.lifecycle() != Lifecycle.OPEN) return false;
    Optional<ContextState.PendingCompaction> p = projected.context().pendingCompaction();
    if (p.isEmpty() || p.get().id() != result.compaction()) return false;
    if (dispatchedCompaction == result.compaction()) dispatchedCompaction = 0;
    addPending(List.of(switch (result) {
      case CompactionResult.Completed c -> new ContextEvent.CompactionFinished(c.compaction(), p.get().run(), c.items(), c.usage());
      case CompactionResult.Failed f -> new ContextEvent.CompactionFailed(f.compaction(), p.get().run(), f.reason(), f.message());
    }));
    return true;
  }

  /**
   * {@return whether effects of run {@code runId} should be aborted now} True once the run is cancelling
   * or no longer active; hosts use it to cut in-flight model calls and tools short.
   */
  public boolean shouldAbort(long runId) {
    Optional<Run> run = projected.runs().active();
    return run.isEmpty() || run.get().id() != runId || run.get().status() == RunStatus.CANCELLING;
  }

  // ---- internals ----------------------------------------------------------------------------------------

  private void addPending(List<Event> events) {
    projected = project(projected, events);
    pending.addAll(events);
  }

  /** {@return {@code base} after {@code events}, with the head they will have once committed} */
  private static SessionState project(SessionState base, List<Event> events) {
    SessionState p = base;
    for (Event e : events) p = Evolve.apply(p, e);
    return p.withHead(base.head() + events.size());
  }

  private Action handOut(List<Event> events, long nowMs) {
    List<NewEntry> entries = new ArrayList<>(events.size());
    for (Event e : events) entries.add(new NewEntry(nowMs, e.joins(), EventCodec.encode(e)));
    inFlight = new Action.AppendEvents(state.head(), entries);
    inFlightEvents = List.copyOf(events);
    if (pending.isEmpty()) {
      projected = project(state, events);
    } else {
      pending.clear();
    }
    return inFlight;
  }

  private Optional<Action> nextEffect(long nowMs) {
    Optional<Run> active = state.runs().active();
    if (active.isPresent() && Preparation.awaited(state, active.get()) && dispatchedPreparation != active.get().id()) {
      dispatchedPreparation = active.get().id();
      return Optional.of(new Action.PrepareRun(active.get().id()));
    }
    if (active.isPresent() && active.get().openTurn().isPresent()) {
      Run run = active.get();
      Turn turn = run.turn();
      if (turn.phase() == TurnPhase.GENERATING && dispatchedTurn != turn.id()) {
        if (run.status() == RunStatus.CANCELLING) {
          addPending(List.of(new TurnEvent.Cancelled(run.id(), turn.id())));
          return Optional.of(handOut(new ArrayList<>(pending), nowMs));
        }
        try {
          Action action = new Action.GenerateTurn(Requests.rebuild(state, run));
          dispatchedTurn = turn.id();
          return Optional.of(action);
        } catch (PlanningException e) {
          addPending(failedPlanning(run.id(), turn.id(), e.getMessage()));
          return Optional.of(handOut(new ArrayList<>(pending), nowMs));
        }
      }
      if (turn.phase() == TurnPhase.GENERATED && turn.batch().isPresent()) {
        Optional<Action> tools = toolInvocations(run, turn, turn.batch().get(), nowMs);
        if (tools.isPresent()) return tools;
      }
    }
    Optional<ContextState.PendingCompaction> compaction = state.context().pendingCompaction();
    if (compaction.isPresent() && dispatchedCompaction != compaction.get().id()) {
      long id = compaction.get().id();
      if (state.config().settings().model().isEmpty()) {
        WellKnownBlob reason = WellKnownBlob.NO_MODEL_CONFIGURED;
        addPending(List.of(new ContextEvent.CompactionFailed(id, compaction.get().run(), reason.ref(), reason.text())));
        return Optional.of(handOut(new ArrayList<>(pending), nowMs));
      }
      CompactionRequest request = Requests.compaction(state).orElseThrow();
      dispatchedCompaction = id;
      return Optional.of(new Action.CompactContext(request));
    }
    return Optional.empty();
  }

  private static List<Event> failedPlanning(long runId, long turnId, String message) {
    WellKnownBlob reason = WellKnownBlob.PLANNING_FAILED;
    return List.of(new TurnEvent.GenerationFailed(runId, turnId, reason.ref(), message),
        new RunEvent.Failed(runId, FailureKind.INTERNAL, reason.ref(), message));
  }

  private Optional<Action> toolInvocations(Run run, Turn turn, ToolBatch batch, long nowMs) {
    List<ToolBatchRequest.Invocation> calls = new ArrayList<>();
    List<Event> interrupted = new ArrayList<>();
    for (CallState c : batch.calls()) {
      String key = callKey(batch.id(), c.call().callId());
      if (!c.inFlight() || dispatchedCalls.contains(key)) continue;
      if (run.status() == RunStatus.CANCELLING) {
        WellKnownBlob cancelled = WellKnownBlob.TOOL_CANCELLED;
        interrupted.add(new ToolEvent.CallCompleted(run.id(), turn.id(), batch.id(), c.call().callId(), CallOutcome.CANCELLED,
            cancelled.ref(), cancelled.bytes().length, cancelled.text()));
        continue;
      }
      Optional<ToolSpec> spec = state.tooling().find(c.call().name());
      boolean unsafeToRepeat = spec.map(t -> t.retrySafety() == RetrySafety.NOT_RETRY_SAFE).orElse(true);
      if (spec.isEmpty() || (unsafeToRepeat && interruptedCalls.contains(key))) {
        WellKnownBlob reason = WellKnownBlob.TOOL_FAILED_AT_BOUNDARY;
        interrupted.add(new ToolEvent.CallCompleted(run.id(), turn.id(), batch.id(), c.call().callId(), CallOutcome.FAILED,
            reason.ref(), reason.bytes().length, reason.text()));
        continue;
      }
      calls.add(new ToolBatchRequest.Invocation(c.call(), spec.get()));
    }
    if (!interrupted.isEmpty()) {
      addPending(interrupted);
      return Optional.of(handOut(new ArrayList<>(pending), nowMs));
    }
    if (calls.isEmpty()) return Optional.empty();
    for (ToolBatchRequest.Invocation i : calls) dispatchedCalls.add(callKey(batch.id(), i.call().callId()));
    return Optional.of(new Action.InvokeTools(new ToolBatchRequest(run.id(), turn.id(), batch.id(), calls)));
  }

  private static Optional<CallState> inFlightCall(SessionState s, long batchId, String callId) {
    return s.runs().active().flatMap(Run::openTurn).flatMap(Turn::batch)
        .filter(b -> b.id() == batchId)
        .flatMap(b -> b.find(callId))
        .filter(CallState::inFlight);
  }

  private int outstanding() {
    int n = 0;
    Optional<Turn> turn = projected.runs().active().flatMap(Run::openTurn);
    if (dispatchedTurn != 0 && turn.map(t -> t.id() == dispatchedTurn && t.phase() == TurnPhase.GENERATING).orElse(false)) n++;
    n += dispatchedCalls.size();
    if (dispatchedCompaction != 0) n++;
    if (dispatchedPreparation != 0) n++;
    return n;
  }

  private void forgetFinishedDispatches() {
    Optional<Turn> turn = state.runs().active().flatMap(Run::openTurn);
    if (dispatchedTurn != 0 && !turn.map(t -> t.id() == dispatchedTurn && t.phase() == TurnPhase.GENERATING).orElse(false)) dispatchedTurn = 0;
    dispatchedCalls.removeIf(key -> !stillInFlight(key));
    interruptedCalls.removeIf(key -> !stillInFlight(key));
    if (dispatchedCompaction != 0 && state.context().pendingCompaction().map(p -> p.id() != dispatchedCompaction).orElse(true)) dispatchedCompaction = 0;
    if (dispatchedPreparation != 0 && !state.runs().active().map(r -> r.id() == dispatchedPreparation && Preparation.awaited(state, r)).orElse(false)) {
      dispatchedPreparation = 0;
    }
  }

  private boolean stillInFlight(String callKey) {
    int slash = callKey.indexOf('/');
    return inFlightCall(state, Long.parseLong(callKey.substring(0, slash)), callKey.substring(slash + 1)).isPresent();
  }

  private static String callKey(long batch, String callId) {
    return batch + "/" + callId;
  }
}
