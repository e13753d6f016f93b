package dev.lightspeed.server.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.events.EventCursor;
import dev.lightspeed.api.events.EventJoinsView;
import dev.lightspeed.api.events.SessionEventView;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.ToolsEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ApprovalState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.server.context.ContextViews;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.run.RunViews;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Log entries as the contract's {@code SessionEventView}s. Revisions, entry ids and tool calls are not in
 * every event's payload, so each entry is shown with the session state just before and just after it.
 * Kinds the contract has no variant for are shown as their nearest one: queued and forced cancellations
 * as {@code runCancelled}, a failed generation as {@code turnGenerationCompleted} with status
 * {@code failed}, delivered steering as the {@code contextEntriesApplied} it causes, pruning as
 * {@code contextEntriesRemoved} (reason {@code pruned}) and a failed compaction as
 * {@code contextCompactionFinished} with status {@code failed}.
 */
public final class EventViews {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EventViews() {}

  /** {@return entry {@code entry} of session {@code sessionId}, given the state before and after it} */
  public static SessionEventView view(String sessionId, LogEntry entry, SessionState before, SessionState after) {
    Event event = EventCodec.decode(entry.event());
    ObjectNode kind = switch (event) {
      case LifecycleEvent e -> lifecycle(e);
      case RunEvent e -> run(e, before, after);
      case TurnEvent e -> turn(e);
      case ContextEvent e -> context(e, before.context(), after.context());
      case ToolEvent e -> tool(e, after);
      case ToolsEvent e -> tools(e, before, after);
    };
    return new SessionEventView(new EventCursor(entry.seq()), sessionId, entry.observedAtMs(), joins(entry.joins()), kind);
  }

  private static ObjectNode lifecycle(LifecycleEvent event) {
    return switch (event) {
      case LifecycleEvent.Opened opened -> withModel(type("sessionOpened"), opened.config());
      case LifecycleEvent.ConfigChanged changed -> withModel(type("sessionConfigChanged").put("revision", changed.revision()), changed.config());
      case LifecycleEvent.Closed closed -> type("sessionClosed");
    };
  }

  private static ObjectNode run(RunEvent event, SessionState before, SessionState after) {
    return switch (event) {
      case RunEvent.Accepted accepted -> {
        ObjectNode source = type("input");
        source.set("entries", inputs(accepted.input()));
        ObjectNode node = runType("runAccepted", accepted.run());
        node.set("source", source);
        yield node.put("submissionId", accepted.submissionId());
      }
      case RunEvent.Started started -> runType("runStarted", started.run());
      // The host's refresh of the entries it derives from the world, shown as the context change it is.
      case RunEvent.Prepared prepared -> prepared.applied().isEmpty() && !prepared.removedKeys().isEmpty()
          ? keysRemoved(prepared.removedKeys(), before.context(), after.context())
          : applied(type("contextEntriesApplied"), before.context(), after.context());
      case RunEvent.SteeringAccepted steering -> {
        ObjectNode node = runType("runSteeringAccepted", steering.run()).put("steeringId", String.valueOf(steering.steering()));
        node.set("input", inputs(steering.input()));
        yield node;
      }
      case RunEvent.SteeringDelivered delivered -> applied(type("contextEntriesApplied"), before.context(), after.context());
      case RunEvent.CancellationRequested requested -> runType("runCancellationRequested", requested.run());
      case RunEvent.Completed completed -> {
        ObjectNode node = runType("runCompleted", completed.run());
        completed.output().ifPresent(ref -> node.put("outputRef", ref.toString()));
        yield node;
      }
      case RunEvent.Failed failed -> runType("runFailed", failed.run()).put("message", failed.message());
      case RunEvent.Cancelled cancelled -> runType("runCancelled", cancelled.run());
      case RunEvent.QueuedCancelled cancelled -> runType("runCancelled", cancelled.run());
      case RunEvent.ForceCancelled cancelled -> runType("runCancelled", cancelled.run());
    };
  }

  private static ObjectNode turn(TurnEvent event) {
    return switch (event) {
      case TurnEvent.Started started -> turnType("turnStarted", started.run(), started.turn());
      case TurnEvent.Planned planned -> turnType("turnPlanned", planned.run(), planned.turn());
      case TurnEvent.GenerationRequested requested -> turnType("turnGenerationRequested", requested.run(), requested.turn());
      case TurnEvent.GenerationCompleted completed -> turnType("turnGenerationCompleted", completed.run(), completed.turn())
          .put("status", "completed");
      case TurnEvent.GenerationFailed failed -> turnType("turnGenerationCompleted", failed.run(), failed.turn()).put("status", "failed");
      case TurnEvent.Completed completed -> type("turnCompleted").put("turnId", String.valueOf(completed.turn()));
      case TurnEvent.Cancelled cancelled -> turnType("turnCancelled", cancelled.run(), cancelled.turn());
    };
  }

  private static ObjectNode context(ContextEvent event, ContextState before, ContextState after) {
    return switch (event) {
      case ContextEvent.EntriesApplied applied -> applied(type("contextEntriesApplied"), before, after);
      case ContextEvent.EntriesRemoved removed -> {
        ObjectNode node = revisions(type("contextEntriesRemoved"), before, after).put("reason", "removed");
        node.set("entryIds", strings(removed.ids().stream().map(String::valueOf).toList()));
        yield node;
      }
      case ContextEvent.KeysRemoved removed -> keysRemoved(removed.keys(), before, after);
      case ContextEvent.KeyPrefixReplaced replaced -> applied(type("contextKeyPrefixReplaced").put("keyPrefix", replaced.prefix()), before, after);
      case ContextEvent.Pruned pruned -> {
        ObjectNode node = revisions(type("contextEntriesRemoved"), before, after).put("reason", "pruned");
        node.set("entryIds", strings(removedIds(before, after)));
        yield node;
      }
      case ContextEvent.CompactionRequested requested -> revisions(type("contextCompactionRequested"), before, after)
          .put("trigger", requested.trigger().wireName());
      case ContextEvent.CompactionFinished finished -> revisions(type("contextCompactionFinished"), before, after).put("status", "completed");
      case ContextEvent.CompactionFailed failed -> revisions(type("contextCompactionFinished"), before, after)
          .put("status", "failed").put("failureRef", failed.reason().toString());
    };
  }

  private static ObjectNode tool(ToolEvent event, SessionState after) {
    return switch (event) {
      case ToolEvent.BatchStarted started -> {
        ObjectNode node = batchType("toolBatchStarted", started);
        ArrayNode calls = node.putArray("calls");
        for (ToolCall call : toolCalls(after, started.run(), started.turn())) {
          calls.addObject().put("callId", call.callId()).put("toolName", call.name()).put("argumentsRef", call.arguments().toString());
        }
        yield node;
      }
      case ToolEvent.CallStarted started -> batchType("toolCallStarted", started).put("callId", started.callId());
      case ToolEvent.CallCompleted completed -> {
        ObjectNode node = batchType("toolCallCompleted", completed).put("callId", completed.callId())
            .put("status", switch (completed.outcome()) {
              case COMPLETED -> "succeeded";
              case FAILED -> "failed";
              case UNAVAILABLE -> "unavailable";
              case CANCELLED, DENIED -> "cancelled";
            });
        // the contract's statuses have no "denied": a denied call did not run, like a cancelled one, and its
        // approval effect says why
        if (completed.outcome() == CallOutcome.DENIED) RunViews.approvalEffect(node.putArray("effects"), ApprovalState.DENIED);
        yield node;
      }
      // The contract has no approval events: a call that waits for approval defers its batch, a decision resumes
      // it; session/read shows which calls wait (status requested with an approval effect).
      case ToolEvent.ApprovalRequested requested -> batchType("toolBatchDeferred", requested);
      case ToolEvent.ApprovalDecided decided -> batchType("toolBatchResumed", decided);
      case ToolEvent.BatchCompleted completed -> batchType("toolBatchCompleted", completed);
    };
  }

  private static ObjectNode tools(ToolsEvent event, SessionState before, SessionState after) {
    ObjectNode node = type(switch (event) {
      case ToolsEvent.Replaced replaced -> "toolsReplaced";
      case ToolsEvent.Patched patched -> "toolsPatched";
    }).put("baseRevision", before.tooling().revision()).put("revision", after.tooling().revision());
    if (event instanceof ToolsEvent.Patched patched) {
      node.set("upserted", strings(patched.upserted().stream().map(ToolSpec::name).toList()));
      node.set("removed", strings(patched.removed()));
    }
    return node;
  }

  /** The calls of the turn a batch answers, as the state right after the batch started holds them. */
  private static List<ToolCall> toolCalls(SessionState after, long run, long turn) {
    return after.runs().active()
        .filter(r -> r.id() == run)
        .flatMap(r -> r.openTurn())
        .filter(t -> t.id() == turn)
        .map(t -> t.toolCalls())
        .orElse(List.of());
  }

  private static ObjectNode keysRemoved(List<String> keys, ContextState before, ContextState after) {
    ObjectNode node = revisions(type("contextKeysRemoved"), before, after);
    node.set("keys", strings(keys));
    return node;
  }

  private static ObjectNode applied(ObjectNode node, ContextState before, ContextState after) {
    List<ContextEntry> placed = after.entries().stream().filter(e -> e.id() >= before.nextEntryId()).toList();
    revisions(node, before, after).set("entries", ApiJson.toTree(ContextViews.entries(placed)));
    return node;
  }

  private static List<String> removedIds(ContextState before, ContextState after) {
    Set<Long> kept = new HashSet<>();
    for (ContextEntry e : after.entries()) kept.add(e.id());
    return before.entries().stream().filter(e -> !kept.contains(e.id())).map(e -> String.valueOf(e.id())).toList();
  }

  private static ObjectNode revisions(ObjectNode node, ContextState before, ContextState after) {
    return node.put("baseRevision", before.revision()).put("revision", after.revision());
  }

  private static ArrayNode inputs(List<InputItem> items) {
    return (ArrayNode) ApiJson.toTree(items.stream().map(ContextViews::input).toList());
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static ObjectNode withModel(ObjectNode node, Json.Obj config) {
    config.findObject("model").ifPresent(model -> node.set("model", EngineJson.toTree(model)));
    return node;
  }

  private static ObjectNode batchType(String type, ToolEvent event) {
    return turnType(type, event.run(), event.turn()).put("batchId", String.valueOf(event.batch()));
  }

  private static ObjectNode turnType(String type, long run, long turn) {
    return runType(type, run).put("turnId", String.valueOf(turn));
  }

  private static ObjectNode runType(String type, long run) {
    return type(type).put("runId", String.valueOf(run));
  }

  private static ObjectNode type(String type) {
    return NODES.objectNode().put("type", type);
  }

  private static EventJoinsView joins(Joins joins) {
    return new EventJoinsView(id(joins.runId()), id(joins.turnId()), id(joins.batchId()), joins.callId(), joins.submissionId(), null);
  }

  private static String id(long value) {
    return value == 0 ? null : String.valueOf(value);
  }
}
