package dev.lightspeed.server.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.context.ContextEntryView;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.api.run.RunView;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallState;
import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.server.context.ContextViews;
import dev.lightspeed.server.input.Inputs;
import dev.lightspeed.server.input.StoredInput;
import dev.lightspeed.server.projection.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs as the contract shows them: id (the session-local run number as a decimal string), status, the
 * input it answers and the context entries it produced that are still in the active context.
 */
public final class RunViews {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** How many runs a session view lists: the newest ones, active and queued included. */
  public static final int RECENT_RUNS = 64;

  private RunViews() {}

  /** {@return run {@code run} as of {@code projection}, or empty when no such run was accepted} */
  public static Optional<RunView> find(Projection projection, long run) {
    return projection.runInput(run).map(input -> new RunView(String.valueOf(run), status(projection.state().runs(), run),
        new RunStartSource.Input(input.stream().map(StoredInput::new).map(Inputs::toWire).toList()), entries(projection, run),
        openBatch(projection.state().runs(), run)));
  }

  /** {@return the newest {@value #RECENT_RUNS} runs, oldest first} */
  public static List<RunView> recent(Projection projection) {
    List<RunView> views = new ArrayList<>();
    for (long run : projection.runs().descendingKeySet()) {
      if (views.size() == RECENT_RUNS) break;
      find(projection, run).ifPresent(views::add);
    }
    return views.reversed();
  }

  /**
   * {@return the status of run {@code run}: active, finished, or queued} A run first in the queue of a session
   * with no active run is {@code running}: nothing is ahead of it and the session starts it at once, so
   * {@code session/runs/start} on an idle session answers what the contract promises (queued means behind
   * an active run), not the moment between its admission and its start.
   */
  public static RunStatus status(RunsState runs, long run) {
    Optional<Run> active = runs.active().filter(r -> r.id() == run);
    if (active.isPresent()) return RunStatus.fromWire(active.get().status().wireName());
    RunOutcome finished = runs.finished().get(run);
    if (finished != null) return RunStatus.fromWire(finished.status().wireName());
    boolean next = runs.active().isEmpty() && !runs.queue().isEmpty() && runs.queue().getFirst().id() == run;
    return next ? RunStatus.RUNNING : RunStatus.QUEUED;
  }

  /**
   * {@return the open tool batch of run {@code run} when it is active and has one, else null (not reported)}
   * A call that waits for approval is {@code requested} with the effect {@code approval} {@code {state:
   * awaiting}}; that is how a client finds what to ask about, after a {@code toolBatchDeferred} event or a
   * restart.
   */
  private static List<ObjectNode> openBatch(RunsState runs, long run) {
    Optional<Turn> turn = runs.active().filter(r -> r.id() == run).flatMap(Run::openTurn);
    if (turn.isEmpty() || turn.get().batch().isEmpty()) return null;
    ToolBatch batch = turn.get().batch().get();
    ObjectNode view = NODES.objectNode()
        .put("id", String.valueOf(batch.id()))
        .put("turnId", String.valueOf(turn.get().id()))
        .put("status", batch.allCompleted() ? "succeeded" : "running");
    ArrayNode calls = view.putArray("calls");
    for (CallState call : batch.calls()) {
      ObjectNode c = calls.addObject()
          .put("callId", call.call().callId())
          .put("toolName", call.call().name())
          .put("argumentsRef", call.call().arguments().toString())
          .put("status", callStatus(call));
      if (call.approval() != ApprovalState.NONE) approvalEffect(c.putArray("effects"), call.approval());
    }
    return List.of(view);
  }

  /** Adds the {@code ToolEffectView} {@code {kind: approval, data: {state}}} of a call that needed approval. */
  public static void approvalEffect(ArrayNode effects, ApprovalState state) {
    effects.addObject().put("kind", "approval").putObject("data").put("state", state.wireName());
  }

  private static String callStatus(CallState call) {
    if (call.outcome().isPresent()) {
      return switch (call.outcome().get()) {
        case COMPLETED -> "succeeded";
        case FAILED -> "failed";
        case UNAVAILABLE -> "unavailable";
        case CANCELLED, DENIED -> "cancelled";
      };
    }
    return call.started() ? "running" : "requested";
  }

  private static List<ContextEntryView> entries(Projection projection, long run) {
    List<ContextEntry> mine = projection.state().context().entries().stream().filter(e -> e.source().runId() == run).toList();
    return ContextViews.entries(mine);
  }
}
