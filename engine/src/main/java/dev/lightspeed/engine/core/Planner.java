package dev.lightspeed.engine.core;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunLimits;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.session.ConfigException;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bookkeeping decider: {@code plan(state)} returns the events the session should record next without
 * waiting for the world (start a queued run, open and plan a turn, start a tool batch, answer unavailable
 * tools, finish a run, enforce limits). It stops where an effect must happen first (a run's preparation, a
 * generation, a tool call, a compaction). Pure: the same state always yields the same events.
 */
public final class Planner {
  /** Guards against a planner bug looping forever; no real state needs more steps than this at once. */
  private static final int MAX_STEPS = 100_000;

  private Planner() {}

  public static List<Event> plan(SessionState state) {
    List<Event> events = new ArrayList<>();
    SessionState s = state;
    for (int i = 0; i < MAX_STEPS; i++) {
      Optional<Event> next = step(s);
      if (next.isEmpty()) return events;
      events.add(next.get());
      s = Evolve.apply(s, next.get());
    }
    throw new IllegalStateException("planner did not settle after " + MAX_STEPS + " steps");
  }

  /** {@return the single next bookkeeping event, or empty when the session waits for an effect or a command} */
  static Optional<Event> step(SessionState s) {
    if (s.lifecycle() != Lifecycle.OPEN) return Optional.empty();
    Optional<Run> active = s.runs().active();
    if (active.isEmpty()) {
      if (s.context().pendingCompaction().isPresent() || s.runs().queue().isEmpty()) return Optional.empty();
      return Optional.of(new RunEvent.Started(s.runs().queue().get(0).id()));
    }
    Run run = active.get();
    if (run.status() == RunStatus.CANCELLING) return cancelling(s, run);
    if (run.openTurn().isPresent()) return inTurn(s, run, run.turn());
    return betweenTurns(s, run);
  }

  private static Optional<Event> betweenTurns(SessionState s, Run run) {
    if (s.context().pendingCompaction().isPresent() || Preparation.awaited(s, run)) return Optional.empty();
    if (!run.pendingSteering().isEmpty()) {
      long last = run.pendingSteering().get(run.pendingSteering().size() - 1).id();
      return Optional.of(new RunEvent.SteeringDelivered(run.id(), last));
    }
    if (run.lastTurnFinal()) return Optional.of(new RunEvent.Completed(run.id(), run.lastOutput()));
    RunLimits limits;
    try {
      limits = SessionConfigParser.runLimits(run.config(), s.config().settings().limits());
    } catch (ConfigException e) {
      return Optional.of(fail(run, FailureKind.INTERNAL, WellKnownBlob.PLANNING_FAILED, e.getMessage()));
    }
    if (run.turns() >= limits.maxTurns()) {
      return Optional.of(fail(run, FailureKind.LIMIT_EXCEEDED, WellKnownBlob.MAX_TURNS_EXCEEDED,
          "run " + run.id() + " reached its limit of " + limits.maxTurns() + " turns (limits.maxTurns)"));
    }
    ContextState context = s.context();
    if (s.config().settings().compaction().dueAt(context.lastInputTokens()) && context.hasPrunableBefore(context.nextEntryId())) {
      return Optional.of(new ContextEvent.CompactionRequested(context.nextCompactionId(), CompactionTrigger.HIGH_WATER, run.id(), context.nextEntryId()));
    }
    if (s.config().settings().model().isEmpty()) {
      return Optional.of(fail(run, FailureKind.INTERNAL, WellKnownBlob.NO_MODEL_CONFIGURED, WellKnownBlob.NO_MODEL_CONFIGURED.text()));
    }
    return Optional.of(new TurnEvent.Started(run.id(), s.runs().nextTurnId(), run.turns() + 1));
  }

  private static Optional<Event> inTurn(SessionState s, Run run, Turn turn) {
    return switch (turn.phase()) {
      case STARTED -> {
        try {
          String fingerprint = Requests.fingerprint(s, run);
          yield Optional.of(new TurnEvent.Planned(run.id(), turn.id(), fingerprint, s.config().revision(), s.context().revision(), s.tooling().revision()));
        } catch (PlanningException e) {
          yield Optional.of(fail(run, FailureKind.INTERNAL, WellKnownBlob.PLANNING_FAILED, e.getMessage()));
        }
      }
      case PLANNED -> Optional.of(new TurnEvent.GenerationRequested(run.id(), turn.id()));
      case GENERATING -> Optional.empty();
      case GENERATED -> generated(s, run, turn);
    };
  }

  private static Optional<Event> generated(SessionState s, Run run, Turn turn) {
    Optional<Event> prune = pruneAfterCompactionItem(s, run, turn);
    if (prune.isPresent()) return prune;
    if (turn.toolCalls().isEmpty()) return Optional.of(new TurnEvent.Completed(run.id(), turn.id()));
    if (turn.batch().isEmpty()) {
      long maxRounds;
      try {
        maxRounds = SessionConfigParser.runLimits(run.config(), s.config().settings().limits()).maxToolRounds();
      } catch (ConfigException e) {
        return Optional.of(fail(run, FailureKind.INTERNAL, WellKnownBlob.PLANNING_FAILED, e.getMessage()));
      }
      if (run.toolRounds() >= maxRounds) {
        return Optional.of(fail(run, FailureKind.LIMIT_EXCEEDED, WellKnownBlob.MAX_TOOL_ROUNDS_EXCEEDED,
            "run " + run.id() + " reached its limit of " + maxRounds + " tool rounds (limits.maxToolRounds)"));
      }
      return Optional.of(new ToolEvent.BatchStarted(run.id(), turn.id(), s.runs().nextBatchId()));
    }
    ToolBatch batch = turn.batch().get();
    if (batch.closed()) return Optional.of(new TurnEvent.Completed(run.id(), turn.id()));
    for (CallState c : batch.calls()) {
      if (!c.started() && !c.completed() && s.tooling().find(c.call().name()).isEmpty()) {
        WellKnownBlob unavailable = WellKnownBlob.TOOL_UNAVAILABLE;
        return Optional.of(new ToolEvent.CallCompleted(run.id(), turn.id(), batch.id(), c.call().callId(), CallOutcome.UNAVAILABLE,
            unavailable.ref(), unavailable.bytes().length, unavailable.text()));
      }
    }
    for (CallState c : batch.calls()) {
      if (c.started() || c.completed()) continue;
      if (c.approval() == ApprovalState.NONE && needsApproval(s, c)) {
        return Optional.of(new ToolEvent.ApprovalRequested(run.id(), turn.id(), batch.id(), c.call().callId()));
      }
      if (c.approval() == ApprovalState.DENIED) {
        WellKnownBlob denied = WellKnownBlob.TOOL_DENIED;
        return Optional.of(new ToolEvent.CallCompleted(run.id(), turn.id(), batch.id(), c.call().callId(), CallOutcome.DENIED,
            denied.ref(), denied.bytes().length, denied.text()));
      }
    }
    Optional<CallState> next = nextToStart(s, batch);
    if (next.isPresent()) return Optional.of(new ToolEvent.CallStarted(run.id(), turn.id(), batch.id(), next.get().call().callId()));
    if (batch.allCompleted()) return Optional.of(new ToolEvent.BatchCompleted(run.id(), turn.id(), batch.id()));
    return Optional.empty();
  }

  /** {@return a prune when this turn's generation produced a provider compaction item with prunable entries before it} */
  private static Optional<Event> pruneAfterCompactionItem(SessionState s, Run run, Turn turn) {
    Optional<Long> compactionItem = compactionOutput(s.context(), run, turn);
    if (compactionItem.isPresent() && s.context().hasPrunableBefore(compactionItem.get())) {
      return Optional.of(new ContextEvent.Pruned(run.id(), compactionItem.get()));
    }
    return Optional.empty();
  }

  /**
   * {@return the id of the last compaction item this turn's generation produced, if any} Scans back only
   * over the turn's own entries, which are always at the end of the context.
   */
  private static Optional<Long> compactionOutput(ContextState context, Run run, Turn turn) {
    List<ContextEntry> entries = context.entries();
    for (int i = entries.size() - 1; i >= 0; i--) {
      ContextEntry e = entries.get(i);
      boolean ofThisTurn = switch (e.source()) {
        case EntrySource.AssistantOutput a -> a.run() == run.id() && a.turn() == turn.id();
        case EntrySource.Tool t -> t.run() == run.id() && t.turn() == turn.id();
        case EntrySource.ContextEdit c -> false;
        case EntrySource.RunInput r -> false;
        case EntrySource.Steering st -> false;
        case EntrySource.Runtime r -> false;
      };
      if (!ofThisTurn) return Optional.empty();
      if (e.kind() == EntryKind.COMPACTION && e.source() instanceof EntrySource.AssistantOutput) return Optional.of(e.id());
    }
    return Optional.empty();
  }

  /**
   * Picks the next call to dispatch, in call order: parallel-safe calls run together (at most
   * {@link ToolBatch#MAX_IN_FLIGHT}); an exclusive call waits for everything before it and blocks
   * everything after it until it is done. A call waiting for approval holds back the exclusive calls after
   * it (they keep their order) but not the parallel-safe ones.
   */
  private static Optional<CallState> nextToStart(SessionState s, ToolBatch batch) {
    long inFlight = 0;
    boolean exclusiveInFlight = false;
    for (CallState c : batch.calls()) {
      if (c.inFlight()) {
        inFlight++;
        if (parallelism(s, c) == Parallelism.EXCLUSIVE) exclusiveInFlight = true;
      }
    }
    boolean earlierAwaiting = false;
    for (CallState c : batch.calls()) {
      if (c.completed() || c.started()) continue;
      boolean exclusive = parallelism(s, c) == Parallelism.EXCLUSIVE;
      if (c.awaitingApproval()) {
        if (exclusive) return Optional.empty();
        earlierAwaiting = true;
        continue;
      }
      if (exclusive) return inFlight == 0 && !earlierAwaiting ? Optional.of(c) : Optional.empty();
      if (exclusiveInFlight || inFlight >= ToolBatch.MAX_IN_FLIGHT) return Optional.empty();
      return Optional.of(c);
    }
    return Optional.empty();
  }

  private static boolean needsApproval(SessionState s, CallState c) {
    return s.tooling().find(c.call().name()).map(t -> t.approval() == Approval.ALWAYS).orElse(false);
  }

  private static Parallelism parallelism(SessionState s, CallState c) {
    return s.tooling().find(c.call().name()).map(ToolSpec::parallelism).orElse(Parallelism.EXCLUSIVE);
  }

  /**
   * A cancelling run winds down: a turn not yet sent is dropped, a generation in flight is awaited (the
   * host aborts it), tool calls not yet started get the cancelled result, calls in flight are awaited.
   */
  private static Optional<Event> cancelling(SessionState s, Run run) {
    if (run.openTurn().isEmpty()) {
      if (s.context().pendingCompaction().map(p -> p.run() == run.id()).orElse(false)) return Optional.empty();
      return Optional.of(new RunEvent.Cancelled(run.id()));
    }
    Turn turn = run.turn();
    return switch (turn.phase()) {
      case STARTED, PLANNED -> Optional.of(new TurnEvent.Cancelled(run.id(), turn.id()));
      case GENERATING -> Optional.empty();
      case GENERATED -> {
        Optional<Event> prune = pruneAfterCompactionItem(s, run, turn);
        if (prune.isPresent()) yield prune;
        if (turn.toolCalls().isEmpty()) yield Optional.of(new TurnEvent.Cancelled(run.id(), turn.id()));
        if (turn.batch().isEmpty()) yield Optional.of(new ToolEvent.BatchStarted(run.id(), turn.id(), s.runs().nextBatchId()));
        ToolBatch batch = turn.batch().get();
        if (batch.closed()) yield Optional.of(new TurnEvent.Cancelled(run.id(), turn.id()));
        for (CallState c : batch.calls()) {
          if (!c.started() && !c.completed()) {
            WellKnownBlob cancelled = WellKnownBlob.TOOL_CANCELLED;
            yield Optional.of(new ToolEvent.CallCompleted(run.id(), turn.id(), batch.id(), c.call().callId(), CallOutcome.CANCELLED,
                cancelled.ref(), cancelled.bytes().length, cancelled.text()));
          }
        }
        yield batch.allCompleted() ? Optional.of(new ToolEvent.BatchCompleted(run.id(), turn.id(), batch.id())) : Optional.empty();
      }
    };
  }

  private static Event fail(Run run, FailureKind kind, WellKnownBlob reason, String message) {
    return new RunEvent.Failed(run.id(), kind, reason.ref(), message);
  }
}
