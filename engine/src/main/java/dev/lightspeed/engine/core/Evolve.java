package dev.lightspeed.engine.core;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.run.Steering;
import dev.lightspeed.engine.run.Submission;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.session.ConfigException;
import dev.lightspeed.engine.session.ConfigState;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.engine.session.SessionSettings;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.engine.tool.ToolingState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pure fold: {@code apply(state, event)} gives the state after the event. An event that cannot apply
 * to the state means the log is corrupt (or the engine has a bug); it throws {@link IllegalStateException}
 * and never silently keeps the old state.
 */
public final class Evolve {
  private Evolve() {}

  public static SessionState apply(SessionState s, Event event) {
    return switch (event) {
      case LifecycleEvent e -> lifecycle(s, e);
      case RunEvent e -> run(s, e);
      case TurnEvent e -> turn(s, e);
      case ContextEvent e -> context(s, e);
      case ToolEvent e -> tool(s, e);
      case ToolsEvent e -> tools(s, e);
    };
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------

  private static SessionState lifecycle(SessionState s, LifecycleEvent event) {
    return switch (event) {
      case LifecycleEvent.Opened e -> {
        check(s.lifecycle() == Lifecycle.NEW, "session is already " + s.lifecycle().wireName());
        yield s.withLifecycle(Lifecycle.OPEN).withConfig(new ConfigState(e.config(), 1, settings(e.config())));
      }
      case LifecycleEvent.ConfigChanged e -> {
        requireOpen(s);
        check(e.revision() == s.config().revision() + 1, "config revision " + e.revision() + " does not follow " + s.config().revision());
        yield s.withConfig(new ConfigState(e.config(), e.revision(), settings(e.config())));
      }
      case LifecycleEvent.Closed e -> {
        requireOpen(s);
        check(!s.runs().busy(), "cannot close a session with active or queued runs");
        yield s.withLifecycle(Lifecycle.CLOSED).withContext(s.context().withoutPendingCompaction());
      }
    };
  }

  private static SessionSettings settings(Json.Obj doc) {
    try {
      return SessionConfigParser.parseSession(doc);
    } catch (ConfigException e) {
      throw new IllegalStateException("stored config is invalid: " + e.getMessage(), e);
    }
  }

  // ---- runs ---------------------------------------------------------------------------------------------

  private static SessionState run(SessionState s, RunEvent event) {
    requireOpen(s);
    RunsState runs = s.runs();
    return switch (event) {
      case RunEvent.Accepted e -> {
        check(e.run() == runs.nextRunId(), "run id " + e.run() + " is not the next run id " + runs.nextRunId());
        check(!runs.submissions().containsKey(e.submissionId()), "submission \"" + e.submissionId() + "\" already used");
        yield s.withRuns(runs.enqueue(Run.queued(e.run(), e.submissionId(), e.input(), e.config()),
            new Submission(e.run(), e.inputDigest())));
      }
      case RunEvent.Started e -> {
        check(runs.active().isEmpty(), "run " + runs.active().map(Run::id).orElse(0L) + " is still active");
        check(!runs.queue().isEmpty() && runs.queue().get(0).id() == e.run(), "run " + e.run() + " is not at the head of the queue");
        Run run = runs.queue().get(0).withStatus(RunStatus.RUNNING);
        List<ContextItem> items = run.input().stream().map(i -> i.toContextItem()).toList();
        ContextState context = s.context().place(items, i -> new EntrySource.RunInput(e.run(), i));
        yield s.withRuns(runs.withQueue(runs.queue().subList(1, runs.queue().size())).withActive(run)).withContext(context);
      }
      case RunEvent.Prepared e -> {
        Run run = active(runs, e.run());
        check(!run.prepared(), "run " + e.run() + " was already prepared");
        Set<String> removed = new HashSet<>(e.removedKeys());
        ContextState context = s.context();
        if (!removed.isEmpty()) context = context.removeWhere(x -> x.key() != null && removed.contains(x.key()));
        if (!e.applied().isEmpty()) context = context.place(e.applied(), i -> RunEvent.Prepared.SOURCE);
        yield s.withRuns(runs.withActive(run.withPrepared())).withContext(context);
      }
      case RunEvent.SteeringAccepted e -> {
        Run run = active(runs, e.run());
        check(run.status() == RunStatus.RUNNING, "run " + e.run() + " is " + run.status().wireName());
        check(e.steering() == runs.nextSteeringId(), "steering id " + e.steering() + " is not the next id " + runs.nextSteeringId());
        List<Steering> pending = new ArrayList<>(run.pendingSteering());
        pending.add(new Steering(e.steering(), e.input()));
        yield s.withRuns(runs.withActive(run.withPendingSteering(pending)).withNextSteeringId(e.steering() + 1));
      }
      case RunEvent.SteeringDelivered e -> {
        Run run = active(runs, e.run());
        check(run.openTurn().isEmpty(), "steering is delivered only between turns");
        ContextState context = s.context();
        List<Steering> remaining = new ArrayList<>();
        boolean delivered = false;
        for (Steering st : run.pendingSteering()) {
          if (st.id() <= e.throughSteering()) {
            List<ContextItem> items = st.input().stream().map(i -> i.toContextItem()).toList();
            context = context.place(items, i -> new EntrySource.Steering(e.run(), st.id(), i));
            delivered = true;
          } else {
            remaining.add(st);
          }
        }
        check(delivered, "no pending steering up to " + e.throughSteering());
        Run next = run.withPendingSteering(remaining).closeTurn(false);
        yield s.withRuns(runs.withActive(next)).withContext(context);
      }
      case RunEvent.CancellationRequested e -> {
        Run run = active(runs, e.run());
        check(run.status() == RunStatus.RUNNING, "run " + e.run() + " is " + run.status().wireName());
        yield s.withRuns(runs.withActive(run.withStatus(RunStatus.CANCELLING)));
      }
      case RunEvent.Completed e -> {
        Run run = active(runs, e.run());
        check(run.openTurn().isEmpty(), "run " + e.run() + " still has an open turn");
        yield finish(s, run, new RunOutcome(run.id(), run.submissionId(), RunStatus.COMPLETED, e.output(), Optional.empty(), Optional.empty()));
      }
      case RunEvent.Failed e -> {
        Run run = active(runs, e.run());
        SessionState closed = closeOpenTurn(s, run);
        yield finish(closed, run, new RunOutcome(run.id(), run.submissionId(), RunStatus.FAILED, Optional.empty(), Optional.of(e.failure()), Optional.of(e.reason())));
      }
      case RunEvent.Cancelled e -> {
        Run run = active(runs, e.run());
        check(run.status() == RunStatus.CANCELLING, "run " + e.run() + " is not cancelling");
        check(run.openTurn().isEmpty(), "run " + e.run() + " still has an open turn");
        yield finish(s, run, cancelledOutcome(run));
      }
      case RunEvent.QueuedCancelled e -> {
        Run run = runs.findQueued(e.run()).orElseThrow(() -> new IllegalStateException("run " + e.run() + " is not queued"));
        List<Run> queue = runs.queue().stream().filter(r -> r.id() != e.run()).toList();
        yield s.withRuns(runs.withQueue(queue).finish(cancelledOutcome(run)));
      }
      case RunEvent.ForceCancelled e -> {
        Run run = active(runs, e.run());
        SessionState closed = closeOpenTurn(s, run);
        yield finish(closed, run, cancelledOutcome(run));
      }
    };
  }

  private static RunOutcome cancelledOutcome(Run run) {
    return new RunOutcome(run.id(), run.submissionId(), RunStatus.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(WellKnownBlob.RUN_CANCELLED.ref()));
  }

  private static SessionState finish(SessionState s, Run run, RunOutcome outcome) {
    return s.withRuns(s.runs().withActive(Optional.empty()).finish(outcome));
  }

  /**
   * Ends the run's open turn on the spot: every tool call the model made that has no result yet gets the
   * cancelled result, so the transcript never holds a call without an answer.
   */
  private static SessionState closeOpenTurn(SessionState s, Run run) {
    if (run.openTurn().isEmpty()) return s;
    Turn turn = run.turn();
    ContextState context = s.context();
    if (turn.phase() == TurnPhase.GENERATED) {
      long batchId = turn.batch().map(ToolBatch::id).orElse(0L);
      Set<String> answered = new HashSet<>();
      turn.batch().ifPresent(b -> b.calls().stream().filter(CallState::completed).forEach(c -> answered.add(c.call().callId())));
      List<ContextItem> results = new ArrayList<>();
      for (ToolCall call : turn.toolCalls()) {
        if (!answered.contains(call.callId())) results.add(toolResult(call.callId(), CallOutcome.CANCELLED, WellKnownBlob.TOOL_CANCELLED.ref(),
            WellKnownBlob.TOOL_CANCELLED.bytes().length, WellKnownBlob.TOOL_CANCELLED.text()));
      }
      if (!results.isEmpty()) context = context.place(results, i -> new EntrySource.Tool(run.id(), turn.id(), batchId));
    }
    return s.withRuns(s.runs().withActive(run.closeTurn(false))).withContext(context);
  }

  // ---- turns --------------------------------------------------------------------------------------------

  private static SessionState turn(SessionState s, TurnEvent event) {
    requireOpen(s);
    RunsState runs = s.runs();
    Run run = active(runs, event.run());
    return switch (event) {
      case TurnEvent.Started e -> {
        check(run.openTurn().isEmpty(), "run " + run.id() + " already has open turn " + run.openTurn().map(Turn::id).orElse(0L));
        check(e.turn() == runs.nextTurnId(), "turn id " + e.turn() + " is not the next turn id " + runs.nextTurnId());
        check(e.index() == run.turns() + 1, "turn index " + e.index() + " does not follow " + run.turns());
        yield s.withRuns(runs.withActive(run.startTurn(Turn.started(e.turn(), e.index()))).withNextTurnId(e.turn() + 1));
      }
      case TurnEvent.Planned e -> {
        Turn turn = openTurn(run, e.turn(), TurnPhase.STARTED);
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.planned(e.fingerprint()))));
      }
      case TurnEvent.GenerationRequested e -> {
        Turn turn = openTurn(run, e.turn(), TurnPhase.PLANNED);
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.generating())))
            .withContext(s.context().withConsumedThrough(s.context().nextEntryId() - 1));
      }
      case TurnEvent.GenerationCompleted e -> {
        Turn turn = openTurn(run, e.turn(), TurnPhase.GENERATING);
        // The outputs stay unconsumed until the next request sends them back: compaction keeps a turn's
        // items (reasoning, tool calls and the results answering them) together.
        ContextState context = s.context().place(e.outputs(), i -> new EntrySource.AssistantOutput(run.id(), turn.id()))
            .withLastInputTokens(e.usage().inputTokens());
        Run next = run.withOpenTurn(turn.generated(e.toolCalls()));
        for (ContextItem out : e.outputs()) {
          if (out.kind() == EntryKind.MESSAGE && out.role() == EntryRole.ASSISTANT) next = next.withLastOutput(out.content());
        }
        yield s.withRuns(runs.withActive(next)).withContext(context);
      }
      case TurnEvent.GenerationFailed e -> {
        openTurn(run, e.turn(), TurnPhase.GENERATING);
        yield s.withRuns(runs.withActive(run.closeTurn(false)));
      }
      case TurnEvent.Completed e -> {
        Turn turn = openTurn(run, e.turn(), TurnPhase.GENERATED);
        check(turn.toolCalls().isEmpty() || turn.batch().map(ToolBatch::closed).orElse(false), "turn " + e.turn() + " has unanswered tool calls");
        yield s.withRuns(runs.withActive(run.closeTurn(turn.toolCalls().isEmpty())));
      }
      case TurnEvent.Cancelled e -> {
        Turn turn = run.turn();
        check(turn.id() == e.turn(), "turn " + e.turn() + " is not open");
        check(turn.phase() != TurnPhase.GENERATED || turn.toolCalls().isEmpty() || turn.batch().map(ToolBatch::closed).orElse(false),
            "turn " + e.turn() + " has unanswered tool calls");
        yield s.withRuns(runs.withActive(run.closeTurn(false)));
      }
    };
  }

  private static Turn openTurn(Run run, long turnId, TurnPhase phase) {
    Turn turn = run.openTurn().orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no open turn"));
    check(turn.id() == turnId, "turn " + turnId + " is not open (open turn is " + turn.id() + ")");
    check(turn.phase() == phase, "turn " + turnId + " is " + turn.phase() + ", not " + phase);
    return turn;
  }

  // ---- context ------------------------------------------------------------------------------------------

  private static SessionState context(SessionState s, ContextEvent event) {
    requireOpen(s);
    ContextState c = s.context();
    return switch (event) {
      case ContextEvent.EntriesApplied e -> s.withContext(c.place(e.items(), i -> e.source()));
      case ContextEvent.EntriesRemoved e -> {
        Set<Long> ids = new HashSet<>(e.ids());
        for (long id : ids) check(c.entries().stream().anyMatch(x -> x.id() == id), "no context entry " + id);
        yield s.withContext(c.removeWhere(x -> ids.contains(x.id())));
      }
      case ContextEvent.KeysRemoved e -> {
        Set<String> keys = new HashSet<>(e.keys());
        yield s.withContext(c.removeWhere(x -> x.key() != null && keys.contains(x.key())));
      }
      case ContextEvent.KeyPrefixReplaced e -> {
        ContextState removed = c.removeWhere(x -> x.key() != null && x.key().startsWith(e.prefix()));
        yield s.withContext(removed.place(e.items(), i -> e.source()).withRevision(c.revision() + 1));
      }
      case ContextEvent.Pruned e -> {
        check(c.entries().stream().anyMatch(x -> x.id() == e.compactionEntry() && x.kind() == EntryKind.COMPACTION),
            "entry " + e.compactionEntry() + " is not a compaction item");
        yield s.withContext(c.pruneBefore(e.compactionEntry()));
      }
      case ContextEvent.CompactionRequested e -> {
        check(c.pendingCompaction().isEmpty(), "compaction " + c.pendingCompaction().map(p -> p.id()).orElse(0L) + " is still pending");
        check(e.compaction() == c.nextCompactionId(), "compaction id " + e.compaction() + " is not the next id " + c.nextCompactionId());
        yield s.withContext(c.withPendingCompaction(new ContextState.PendingCompaction(e.compaction(), e.trigger(), e.run(), e.pruneBeforeId())));
      }
      case ContextEvent.CompactionFinished e -> {
        ContextState.PendingCompaction pending = pending(c, e.compaction());
        yield s.withContext(c.compact(pending.pruneBeforeId(), e.items(), new EntrySource.Runtime("compaction")).withoutPendingCompaction().withLastInputTokens(0));
      }
      case ContextEvent.CompactionFailed e -> {
        pending(c, e.compaction());
        yield s.withContext(c.withoutPendingCompaction().withLastInputTokens(0));
      }
    };
  }

  private static ContextState.PendingCompaction pending(ContextState c, long id) {
    ContextState.PendingCompaction pending = c.pendingCompaction().orElseThrow(() -> new IllegalStateException("no compaction is pending"));
    check(pending.id() == id, "compaction " + id + " is not pending (pending is " + pending.id() + ")");
    return pending;
  }

  // ---- tool batches -------------------------------------------------------------------------------------

  private static SessionState tool(SessionState s, ToolEvent event) {
    requireOpen(s);
    RunsState runs = s.runs();
    Run run = active(runs, event.run());
    Turn turn = openTurn(run, event.turn(), TurnPhase.GENERATED);
    return switch (event) {
      case ToolEvent.BatchStarted e -> {
        check(turn.batch().isEmpty(), "turn " + turn.id() + " already has batch " + turn.batch().map(ToolBatch::id).orElse(0L));
        check(!turn.toolCalls().isEmpty(), "turn " + turn.id() + " made no tool calls");
        check(e.batch() == runs.nextBatchId(), "batch id " + e.batch() + " is not the next batch id " + runs.nextBatchId());
        ToolBatch batch = new ToolBatch(e.batch(), turn.toolCalls().stream().map(CallState::pending).toList(), false);
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.withBatch(batch)).countToolRound()).withNextBatchId(e.batch() + 1));
      }
      case ToolEvent.CallStarted e -> {
        ToolBatch batch = batch(turn, e.batch());
        CallState call = call(batch, e.callId());
        check(!call.started() && !call.completed(), "call \"" + e.callId() + "\" already started");
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.withBatch(batch.update(e.callId(), CallState::start)))));
      }
      case ToolEvent.CallCompleted e -> {
        ToolBatch batch = batch(turn, e.batch());
        CallState call = call(batch, e.callId());
        check(!call.completed(), "call \"" + e.callId() + "\" already completed");
        ContextItem result = toolResult(e.callId(), e.outcome(), e.output(), e.size(), e.preview());
        ContextState context = s.context().place(List.of(result), i -> new EntrySource.Tool(run.id(), turn.id(), batch.id()));
        Turn next = turn.withBatch(batch.update(e.callId(), c -> c.complete(e.outcome())));
        yield s.withRuns(runs.withActive(run.withOpenTurn(next))).withContext(context);
      }
      case ToolEvent.ApprovalRequested e -> {
        ToolBatch batch = batch(turn, e.batch());
        CallState call = call(batch, e.callId());
        check(!call.started() && !call.completed() && call.approval() == ApprovalState.NONE, "call \"" + e.callId() + "\" cannot ask for approval now");
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.withBatch(batch.update(e.callId(), c -> c.withApproval(ApprovalState.AWAITING))))));
      }
      case ToolEvent.ApprovalDecided e -> {
        ToolBatch batch = batch(turn, e.batch());
        CallState call = call(batch, e.callId());
        check(call.awaitingApproval(), "call \"" + e.callId() + "\" is not waiting for approval");
        ApprovalState decided = e.approved() ? ApprovalState.APPROVED : ApprovalState.DENIED;
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.withBatch(batch.update(e.callId(), c -> c.withApproval(decided))))));
      }
      case ToolEvent.BatchCompleted e -> {
        ToolBatch batch = batch(turn, e.batch());
        check(batch.allCompleted(), "batch " + e.batch() + " has calls without results");
        check(!batch.closed(), "batch " + e.batch() + " is already completed");
        yield s.withRuns(runs.withActive(run.withOpenTurn(turn.withBatch(batch.close()))));
      }
    };
  }

  private static ToolBatch batch(Turn turn, long batchId) {
    ToolBatch batch = turn.batch().orElseThrow(() -> new IllegalStateException("turn " + turn.id() + " has no batch"));
    check(batch.id() == batchId, "batch " + batchId + " is not open (open batch is " + batch.id() + ")");
    return batch;
  }

  private static CallState call(ToolBatch batch, String callId) {
    return batch.find(callId).orElseThrow(() -> new IllegalStateException("batch " + batch.id() + " has no call \"" + callId + "\""));
  }

  static ContextItem toolResult(String callId, CallOutcome outcome, BlobRef output, long size, String preview) {
    return new ContextItem(null, EntryKind.TOOL_RESULT, EntryRole.NONE, output, "text/plain", null, preview,
        Math.max(1, (size + 3) / 4), callId, outcome != CallOutcome.COMPLETED);
  }

  // ---- tool set -----------------------------------------------------------------------------------------

  private static SessionState tools(SessionState s, ToolsEvent event) {
    requireOpen(s);
    ToolingState t = s.tooling();
    return switch (event) {
      case ToolsEvent.Replaced e -> {
        Map<String, ToolSpec> next = new LinkedHashMap<>();
        for (ToolSpec spec : e.tools()) check(next.put(spec.name(), spec) == null, "duplicate tool \"" + spec.name() + "\"");
        yield s.withTooling(new ToolingState(next, t.revision() + 1));
      }
      case ToolsEvent.Patched e -> {
        Map<String, ToolSpec> next = new LinkedHashMap<>(t.tools());
        e.removed().forEach(next::remove);
        for (ToolSpec spec : e.upserted()) next.put(spec.name(), spec);
        yield s.withTooling(new ToolingState(next, t.revision() + 1));
      }
    };
  }

  // ---- checks -------------------------------------------------------------------------------------------

  private static Run active(RunsState runs, long runId) {
    Run run = runs.active().orElseThrow(() -> new IllegalStateException("run " + runId + " is not active (no run is)"));
    check(run.id() == runId, "run " + runId + " is not active (run " + run.id() + " is)");
    return run;
  }

  private static void requireOpen(SessionState s) {
    check(s.lifecycle() == Lifecycle.OPEN, "session is " + s.lifecycle().wireName());
  }

  private static void check(boolean condition, String message) {
    if (!condition) throw new IllegalStateException(message);
  }
}
