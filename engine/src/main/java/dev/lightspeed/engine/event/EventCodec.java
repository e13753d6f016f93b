package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextJson;
import dev.lightspeed.engine.context.ContextState.CompactionTrigger;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.Approval;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns events into stored envelopes and back. This is the only place that knows event payload schemas.
 *
 * <p>A payload has one member per record component, named exactly as the component. Numbers and booleans
 * are JSON numbers and booleans, blob refs are their {@code sha256:<hex>} string, enums are their wire
 * name, an empty {@code Optional} leaves its member out, config documents pass through unchanged, lists
 * are arrays, and value types are objects: {@link InputItem} {@code {content, mediaType, size, preview}},
 * {@link ToolCall} {@code {callId, name, arguments}}, {@link Usage}
 * {@code {inputTokens, outputTokens, cachedInputTokens, reasoningTokens}}, {@link ToolSpec}
 * {@code {name, spec, parallelism, retrySafety}}, and context items and entry sources as
 * {@link ContextJson} writes them. Decoding ignores members it does not know.
 *
 * <p>Every appended and every replayed event passes through here, so both directions are a single
 * dispatch and a straight walk over the payload. All methods are pure and safe for concurrent use.
 */
public final class EventCodec {
  private EventCodec() {}

  /** {@return the stored form of {@code event}: its kind, its payload version and its payload} */
  public static EventEnvelope encode(Event event) {
    return new EventEnvelope(event.kind(), event.version(), payload(event));
  }

  /**
   * {@return the typed event stored in {@code envelope}}
   *
   * @throws EventDecodeException when the kind is unknown, the version is not the one this build reads, or
   *     the payload is missing a field, has one of the wrong type, or holds an invalid value
   */
  public static Event decode(EventEnvelope envelope) {
    String kind = envelope.kind();
    Reader reader = READERS.get(kind);
    if (reader == null) throw EventDecodeException.unknownKind(kind, envelope.version());
    if (envelope.version() != reader.version()) {
      throw EventDecodeException.unsupportedVersion(kind, envelope.version(), reader.version());
    }
    try {
      return reader.read().apply(envelope.payload());
    } catch (JsonShapeException | IllegalArgumentException e) {
      throw EventDecodeException.malformedPayload(kind, envelope.version(), e);
    }
  }

  /** {@return every kind this build decodes} */
  public static Set<String> kinds() {
    return READERS.keySet();
  }

  // ---- encoding ------------------------------------------------------------------------------------

  private static Json.Obj payload(Event event) {
    return switch (event) {
      case LifecycleEvent e -> lifecycle(e);
      case RunEvent e -> run(e);
      case TurnEvent e -> turn(e);
      case ContextEvent e -> context(e);
      case ToolEvent e -> tool(e);
      case ToolsEvent e -> tools(e);
    };
  }

  private static Json.Obj lifecycle(LifecycleEvent event) {
    return switch (event) {
      case LifecycleEvent.Opened(var config) -> obj().put("config", config).build();
      case LifecycleEvent.ConfigChanged(var revision, var config) -> obj().put("revision", revision).put("config", config).build();
      case LifecycleEvent.Closed(var forced) -> obj().put("forced", forced).build();
    };
  }

  private static Json.Obj run(RunEvent event) {
    return switch (event) {
      case RunEvent.Accepted(var run, var submissionId, var input, var config, var inputDigest) -> obj()
          .put("run", run)
          .put("submissionId", submissionId)
          .put("input", array(input, EventCodec::inputItem))
          .put("config", config)
          .put("inputDigest", inputDigest)
          .build();
      case RunEvent.Started(var run) -> runOnly(run);
      case RunEvent.Prepared(var run, var applied, var removedKeys) -> obj().put("run", run)
          .put("applied", array(applied, ContextJson::item)).put("removedKeys", strings(removedKeys)).build();
      case RunEvent.SteeringAccepted(var run, var steering, var input) -> obj()
          .put("run", run)
          .put("steering", steering)
          .put("input", array(input, EventCodec::inputItem))
          .build();
      case RunEvent.SteeringDelivered(var run, var throughSteering) -> obj().put("run", run).put("throughSteering", throughSteering).build();
      case RunEvent.CancellationRequested(var run) -> runOnly(run);
      case RunEvent.Completed(var run, var output) -> optionalRef(obj().put("run", run), "output", output).build();
      case RunEvent.Failed(var run, var failure, var reason, var message) -> obj()
          .put("run", run)
          .put("failure", failure.wireName())
          .put("reason", reason.toString())
          .put("message", message)
          .build();
      case RunEvent.Cancelled(var run) -> runOnly(run);
      case RunEvent.QueuedCancelled(var run) -> runOnly(run);
      case RunEvent.ForceCancelled(var run) -> runOnly(run);
    };
  }

  private static Json.Obj turn(TurnEvent event) {
    return switch (event) {
      case TurnEvent.Started(var run, var turn, var index) -> runTurn(run, turn).put("index", index).build();
      case TurnEvent.Planned(var run, var turn, var fingerprint, var configRevision, var contextRevision, var toolsRevision) -> runTurn(run, turn)
          .put("fingerprint", fingerprint)
          .put("configRevision", configRevision)
          .put("contextRevision", contextRevision)
          .put("toolsRevision", toolsRevision)
          .build();
      case TurnEvent.GenerationRequested(var run, var turn) -> runTurn(run, turn).build();
      case TurnEvent.GenerationCompleted(
          var run, var turn, var response, var finishReason, var usage, var outputs, var toolCalls, var providerResponseId) -> runTurn(run, turn)
          .put("response", response.toString())
          .put("finishReason", finishReason)
          .put("usage", usage(usage))
          .put("outputs", array(outputs, ContextJson::item))
          .put("toolCalls", array(toolCalls, EventCodec::toolCall))
          .put("providerResponseId", providerResponseId)
          .build();
      case TurnEvent.GenerationFailed(var run, var turn, var reason, var message) -> runTurn(run, turn)
          .put("reason", reason.toString())
          .put("message", message)
          .build();
      case TurnEvent.Completed(var run, var turn) -> runTurn(run, turn).build();
      case TurnEvent.Cancelled(var run, var turn) -> runTurn(run, turn).build();
    };
  }

  private static Json.Obj context(ContextEvent event) {
    return switch (event) {
      case ContextEvent.EntriesApplied(var source, var items) -> obj()
          .put("source", ContextJson.source(source))
          .put("items", array(items, ContextJson::item))
          .build();
      case ContextEvent.EntriesRemoved(var ids) -> obj().put("ids", longs(ids)).build();
      case ContextEvent.KeysRemoved(var keys) -> obj().put("keys", strings(keys)).build();
      case ContextEvent.KeyPrefixReplaced(var prefix, var source, var items) -> obj()
          .put("prefix", prefix)
          .put("source", ContextJson.source(source))
          .put("items", array(items, ContextJson::item))
          .build();
      case ContextEvent.Pruned(var run, var compactionEntry) -> obj().put("run", run).put("compactionEntry", compactionEntry).build();
      case ContextEvent.CompactionRequested(var compaction, var trigger, var run, var pruneBeforeId) -> obj()
          .put("compaction", compaction)
          .put("trigger", trigger.wireName())
          .put("run", run)
          .put("pruneBeforeId", pruneBeforeId)
          .build();
      case ContextEvent.CompactionFinished(var compaction, var run, var items, var usage) -> obj()
          .put("compaction", compaction)
          .put("run", run)
          .put("items", array(items, ContextJson::item))
          .put("usage", usage(usage))
          .build();
      case ContextEvent.CompactionFailed(var compaction, var run, var reason, var message) -> obj()
          .put("compaction", compaction)
          .put("run", run)
          .put("reason", reason.toString())
          .put("message", message)
          .build();
    };
  }

  private static Json.Obj tool(ToolEvent event) {
    return switch (event) {
      case ToolEvent.BatchStarted(var run, var turn, var batch) -> runTurnBatch(run, turn, batch).build();
      case ToolEvent.CallStarted(var run, var turn, var batch, var callId) -> runTurnBatch(run, turn, batch).put("callId", callId).build();
      case ToolEvent.CallCompleted(var run, var turn, var batch, var callId, var outcome, var output, var size, var preview) ->
          runTurnBatch(run, turn, batch)
              .put("callId", callId)
              .put("outcome", outcome.wireName())
              .put("output", output.toString())
              .put("size", size)
              .put("preview", preview)
              .build();
      case ToolEvent.ApprovalRequested(var run, var turn, var batch, var callId) -> runTurnBatch(run, turn, batch).put("callId", callId).build();
      case ToolEvent.ApprovalDecided(var run, var turn, var batch, var callId, var approved, var note) -> runTurnBatch(run, turn, batch)
          .put("callId", callId)
          .put("approved", approved)
          .put("note", note)
          .build();
      case ToolEvent.BatchCompleted(var run, var turn, var batch) -> runTurnBatch(run, turn, batch).build();
    };
  }

  private static Json.Obj tools(ToolsEvent event) {
    return switch (event) {
      case ToolsEvent.Replaced(var tools) -> obj().put("tools", array(tools, EventCodec::toolSpec)).build();
      case ToolsEvent.Patched(var upserted, var removed) -> obj()
          .put("upserted", array(upserted, EventCodec::toolSpec))
          .put("removed", strings(removed))
          .build();
    };
  }

  private static Json.Obj.Builder obj() {
    return Json.Obj.builder();
  }

  private static Json.Obj runOnly(long run) {
    return obj().put("run", run).build();
  }

  private static Json.Obj.Builder runTurn(long run, long turn) {
    return obj().put("run", run).put("turn", turn);
  }

  private static Json.Obj.Builder runTurnBatch(long run, long turn, long batch) {
    return obj().put("run", run).put("turn", turn).put("batch", batch);
  }

  private static Json.Obj.Builder optionalRef(Json.Obj.Builder b, String name, Optional<BlobRef> ref) {
    if (ref.isPresent()) b.put(name, ref.get().toString());
    return b;
  }

  private static <T> Json.Arr array(List<T> items, Function<T, ? extends Json> write) {
    List<Json> out = new ArrayList<>(items.size());
    for (T item : items) out.add(write.apply(item));
    return new Json.Arr(out);
  }

  private static Json.Arr longs(List<Long> values) {
    List<Json> out = new ArrayList<>(values.size());
    for (long v : values) out.add(Json.of(v));
    return new Json.Arr(out);
  }

  private static Json.Arr strings(List<String> values) {
    List<Json> out = new ArrayList<>(values.size());
    for (String v : values) out.add(Json.of(v));
    return new Json.Arr(out);
  }

  // ---- value types -----------------------------------------------------------------------------------

  /** {@return {@code {content, mediaType, size, preview}}} */
  public static Json.Obj inputItem(InputItem item) {
    return obj()
        .put("content", item.content().toString())
        .put("mediaType", item.mediaType())
        .put("size", item.size())
        .put("preview", item.preview())
        .build();
  }

  /**
   * Reads what {@link #inputItem(InputItem)} wrote.
   *
   * @throws JsonShapeException when a field is missing, mistyped or not a valid blob ref
   * @throws IllegalArgumentException when {@link InputItem} rejects a value
   */
  public static InputItem inputItem(Json.Obj obj) {
    return new InputItem(ref(obj, "content"), obj.string("mediaType"), obj.number("size"), obj.string("preview"));
  }

  /** {@return {@code {callId, name, arguments}}} */
  public static Json.Obj toolCall(ToolCall call) {
    return obj().put("callId", call.callId()).put("name", call.name()).put("arguments", call.arguments().toString()).build();
  }

  /**
   * Reads what {@link #toolCall(ToolCall)} wrote.
   *
   * @throws JsonShapeException when a field is missing, mistyped or not a valid blob ref
   * @throws IllegalArgumentException when {@link ToolCall} rejects a value
   */
  public static ToolCall toolCall(Json.Obj obj) {
    return new ToolCall(obj.string("callId"), obj.string("name"), ref(obj, "arguments"));
  }

  /**
   * {@return {@code {name, spec, parallelism, retrySafety, approval?}}, the enums as their wire names;
   * {@code approval} only when calls need it, so specs written before approvals existed read the same}
   */
  public static Json.Obj toolSpec(ToolSpec spec) {
    Json.Obj.Builder b = obj()
        .put("name", spec.name())
        .put("spec", spec.spec().toString())
        .put("parallelism", spec.parallelism().wireName())
        .put("retrySafety", spec.retrySafety().wireName());
    if (spec.approval() != Approval.NEVER) b.put("approval", spec.approval().wireName());
    return b.build();
  }

  /**
   * Reads what {@link #toolSpec(ToolSpec)} wrote.
   *
   * @throws JsonShapeException when a field is missing, mistyped, not a valid blob ref or not a known wire name
   * @throws IllegalArgumentException when {@link ToolSpec} rejects a value (an invalid tool name)
   */
  public static ToolSpec toolSpec(Json.Obj obj) {
    return new ToolSpec(
        obj.string("name"),
        ref(obj, "spec"),
        wire(obj, "parallelism", Parallelism::fromWire),
        wire(obj, "retrySafety", RetrySafety::fromWire),
        obj.has("approval") ? wire(obj, "approval", Approval::fromWire) : Approval.NEVER);
  }

  /** {@return {@code {inputTokens, outputTokens, cachedInputTokens, reasoningTokens}}} */
  public static Json.Obj usage(Usage usage) {
    return obj()
        .put("inputTokens", usage.inputTokens())
        .put("outputTokens", usage.outputTokens())
        .put("cachedInputTokens", usage.cachedInputTokens())
        .put("reasoningTokens", usage.reasoningTokens())
        .build();
  }

  /**
   * Reads what {@link #usage(Usage)} wrote.
   *
   * @throws JsonShapeException when a field is missing or not an integer
   * @throws IllegalArgumentException when a count is negative
   */
  public static Usage usage(Json.Obj obj) {
    return new Usage(obj.number("inputTokens"), obj.number("outputTokens"), obj.number("cachedInputTokens"), obj.number("reasoningTokens"));
  }

  // ---- decoding --------------------------------------------------------------------------------------

  /** How one kind is read: the payload version this build reads and the reader for it. */
  private record Reader(int version, Function<Json.Obj, Event> read) {}

  private static Map.Entry<String, Reader> v1(String kind, Function<Json.Obj, Event> read) {
    return Map.entry(kind, new Reader(1, read));
  }

  private static final Map<String, Reader> READERS = Map.ofEntries(
      v1(LifecycleEvent.Opened.KIND, p -> new LifecycleEvent.Opened(p.object("config"))),
      v1(LifecycleEvent.ConfigChanged.KIND, p -> new LifecycleEvent.ConfigChanged(p.number("revision"), p.object("config"))),
      v1(LifecycleEvent.Closed.KIND, p -> new LifecycleEvent.Closed(p.bool("forced"))),

      v1(RunEvent.Accepted.KIND, p -> new RunEvent.Accepted(
          p.number("run"), p.string("submissionId"), objects(p, "input", EventCodec::inputItem), p.object("config"), p.string("inputDigest"))),
      v1(RunEvent.Started.KIND, p -> new RunEvent.Started(p.number("run"))),
      v1(RunEvent.Prepared.KIND, p -> new RunEvent.Prepared(p.number("run"), objects(p, "applied", ContextJson::item), strings(p, "removedKeys"))),
      v1(RunEvent.SteeringAccepted.KIND, p -> new RunEvent.SteeringAccepted(
          p.number("run"), p.number("steering"), objects(p, "input", EventCodec::inputItem))),
      v1(RunEvent.SteeringDelivered.KIND, p -> new RunEvent.SteeringDelivered(p.number("run"), p.number("throughSteering"))),
      v1(RunEvent.CancellationRequested.KIND, p -> new RunEvent.CancellationRequested(p.number("run"))),
      v1(RunEvent.Completed.KIND, p -> new RunEvent.Completed(p.number("run"), optionalRef(p, "output"))),
      v1(RunEvent.Failed.KIND, p -> new RunEvent.Failed(
          p.number("run"), wire(p, "failure", FailureKind::fromWire), ref(p, "reason"), p.string("message"))),
      v1(RunEvent.Cancelled.KIND, p -> new RunEvent.Cancelled(p.number("run"))),
      v1(RunEvent.QueuedCancelled.KIND, p -> new RunEvent.QueuedCancelled(p.number("run"))),
      v1(RunEvent.ForceCancelled.KIND, p -> new RunEvent.ForceCancelled(p.number("run"))),

      v1(TurnEvent.Started.KIND, p -> new TurnEvent.Started(p.number("run"), p.number("turn"), intNumber(p, "index"))),
      v1(TurnEvent.Planned.KIND, p -> new TurnEvent.Planned(
          p.number("run"), p.number("turn"), p.string("fingerprint"),
          p.number("configRevision"), p.number("contextRevision"), p.number("toolsRevision"))),
      v1(TurnEvent.GenerationRequested.KIND, p -> new TurnEvent.GenerationRequested(p.number("run"), p.number("turn"))),
      v1(TurnEvent.GenerationCompleted.KIND, p -> new TurnEvent.GenerationCompleted(
          p.number("run"),
          p.number("turn"),
          ref(p, "response"),
          p.string("finishReason"),
          object(p, "usage", EventCodec::usage),
          objects(p, "outputs", ContextJson::item),
          objects(p, "toolCalls", EventCodec::toolCall),
          p.string("providerResponseId"))),
      v1(TurnEvent.GenerationFailed.KIND, p -> new TurnEvent.GenerationFailed(
          p.number("run"), p.number("turn"), ref(p, "reason"), p.string("message"))),
      v1(TurnEvent.Completed.KIND, p -> new TurnEvent.Completed(p.number("run"), p.number("turn"))),
      v1(TurnEvent.Cancelled.KIND, p -> new TurnEvent.Cancelled(p.number("run"), p.number("turn"))),

      v1(ContextEvent.EntriesApplied.KIND, p -> new ContextEvent.EntriesApplied(
          object(p, "source", ContextJson::source), objects(p, "items", ContextJson::item))),
      v1(ContextEvent.EntriesRemoved.KIND, p -> new ContextEvent.EntriesRemoved(longs(p, "ids"))),
      v1(ContextEvent.KeysRemoved.KIND, p -> new ContextEvent.KeysRemoved(strings(p, "keys"))),
      v1(ContextEvent.KeyPrefixReplaced.KIND, p -> new ContextEvent.KeyPrefixReplaced(
          p.string("prefix"), object(p, "source", ContextJson::source), objects(p, "items", ContextJson::item))),
      v1(ContextEvent.Pruned.KIND, p -> new ContextEvent.Pruned(p.number("run"), p.number("compactionEntry"))),
      v1(ContextEvent.CompactionRequested.KIND, p -> new ContextEvent.CompactionRequested(
          p.number("compaction"), wire(p, "trigger", CompactionTrigger::fromWire), p.number("run"), p.number("pruneBeforeId"))),
      v1(ContextEvent.CompactionFinished.KIND, p -> new ContextEvent.CompactionFinished(
          p.number("compaction"), p.number("run"), objects(p, "items", ContextJson::item), object(p, "usage", EventCodec::usage))),
      v1(ContextEvent.CompactionFailed.KIND, p -> new ContextEvent.CompactionFailed(
          p.number("compaction"), p.number("run"), ref(p, "reason"), p.string("message"))),

      v1(ToolEvent.BatchStarted.KIND, p -> new ToolEvent.BatchStarted(p.number("run"), p.number("turn"), p.number("batch"))),
      v1(ToolEvent.CallStarted.KIND, p -> new ToolEvent.CallStarted(p.number("run"), p.number("turn"), p.number("batch"), p.string("callId"))),
      v1(ToolEvent.CallCompleted.KIND, p -> new ToolEvent.CallCompleted(
          p.number("run"),
          p.number("turn"),
          p.number("batch"),
          p.string("callId"),
          wire(p, "outcome", CallOutcome::fromWire),
          ref(p, "output"),
          p.number("size"),
          p.string("preview"))),
      v1(ToolEvent.ApprovalRequested.KIND, p -> new ToolEvent.ApprovalRequested(p.number("run"), p.number("turn"), p.number("batch"), p.string("callId"))),
      v1(ToolEvent.ApprovalDecided.KIND, p -> new ToolEvent.ApprovalDecided(
          p.number("run"), p.number("turn"), p.number("batch"), p.string("callId"), p.bool("approved"), p.string("note"))),
      v1(ToolEvent.BatchCompleted.KIND, p -> new ToolEvent.BatchCompleted(p.number("run"), p.number("turn"), p.number("batch"))),

      v1(ToolsEvent.Replaced.KIND, p -> new ToolsEvent.Replaced(objects(p, "tools", EventCodec::toolSpec))),
      v1(ToolsEvent.Patched.KIND, p -> new ToolsEvent.Patched(objects(p, "upserted", EventCodec::toolSpec), strings(p, "removed"))));

  private static BlobRef ref(Json.Obj obj, String name) {
    String text = obj.string(name);
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) throw new JsonShapeException("field \"" + name + "\" must be a blob ref (sha256:<64 lowercase hex>): \"" + text + "\"");
    return ref;
  }

  private static Optional<BlobRef> optionalRef(Json.Obj obj, String name) {
    return obj.has(name) ? Optional.of(ref(obj, name)) : Optional.empty();
  }

  private static int intNumber(Json.Obj obj, String name) {
    long value = obj.number(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) throw new JsonShapeException("field \"" + name + "\" out of int range: " + value);
    return (int) value;
  }

  private static <E> E wire(Json.Obj obj, String name, Function<String, E> fromWire) {
    String text = obj.string(name);
    try {
      return fromWire.apply(text);
    } catch (IllegalArgumentException e) {
      throw shape("field \"" + name + "\": " + e.getMessage(), e);
    }
  }

  /** Reads a nested object, naming the field in any error from {@code read}. */
  private static <T> T object(Json.Obj obj, String name, Function<Json.Obj, T> read) {
    Json.Obj nested = obj.object(name);
    try {
      return read.apply(nested);
    } catch (JsonShapeException | IllegalArgumentException e) {
      throw shape("in \"" + name + "\": " + e.getMessage(), e);
    }
  }

  /** Reads an array of objects, naming the field and index in any error from {@code read}. */
  private static <T> List<T> objects(Json.Obj obj, String name, Function<Json.Obj, T> read) {
    List<Json> items = obj.array(name);
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Obj item)) throw new JsonShapeException("field \"" + name + "\"[" + i + "] must be an object");
      try {
        out.add(read.apply(item));
      } catch (JsonShapeException | IllegalArgumentException e) {
        throw shape("in \"" + name + "\"[" + i + "]: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** A shape error that names where it happened and keeps the original error as its cause. */
  private static JsonShapeException shape(String message, RuntimeException cause) {
    JsonShapeException e = new JsonShapeException(message);
    e.initCause(cause);
    return e;
  }

  private static List<Long> longs(Json.Obj obj, String name) {
    List<Json> items = obj.array(name);
    List<Long> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Num n && n.isIntegral())) throw new JsonShapeException("field \"" + name + "\"[" + i + "] must be an integer");
      out.add(n.longValue());
    }
    return out;
  }

  private static List<String> strings(Json.Obj obj, String name) {
    List<Json> items = obj.array(name);
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Json.Str s)) throw new JsonShapeException("field \"" + name + "\"[" + i + "] must be a string");
      out.add(s.value());
    }
    return out;
  }
}
