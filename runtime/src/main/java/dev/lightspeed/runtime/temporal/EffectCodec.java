package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.event.ContextEvent;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.ToolEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.log.LogEntryJson;
import dev.lightspeed.engine.tool.ToolBatchRequest;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Effect results as they cross from an activity to the workflow: canonical JSON text, so Temporal carries one
 * string and never needs to know the engine's types. A completed result travels as the event it becomes
 * (same codec, same golden format as the log), so nothing can be lost in translation.
 */
final class EffectCodec {
  private EffectCodec() {}

  // ---- generation ---------------------------------------------------------------------------------------

  static String generation(long run, GenerationResult result) {
    Json.Obj obj = switch (result) {
      case GenerationResult.Completed c -> Json.Obj.builder().put("status", "completed")
          .put("event", event(new TurnEvent.GenerationCompleted(run, c.turn(), c.response(), c.finishReason(), c.usage(), c.outputs(),
              c.toolCalls(), c.providerResponseId())))
          .build();
      case GenerationResult.Failed f -> Json.Obj.builder().put("status", "failed").put("turn", f.turn())
          .put("reason", f.reason().toString()).put("message", f.message()).build();
      case GenerationResult.Cancelled c -> Json.Obj.builder().put("status", "cancelled").put("turn", c.turn()).build();
    };
    return CanonicalJson.write(obj);
  }

  static GenerationResult generation(String text) {
    Json.Obj obj = CanonicalJson.parseObject(text);
    return switch (obj.string("status")) {
      case "completed" -> {
        TurnEvent.GenerationCompleted e = (TurnEvent.GenerationCompleted) decode(obj.object("event"));
        yield new GenerationResult.Completed(e.turn(), e.response(), e.finishReason(), e.usage(), e.outputs(), e.toolCalls(), e.providerResponseId());
      }
      case "failed" -> new GenerationResult.Failed(obj.number("turn"), BlobRef.parse(obj.string("reason")), obj.string("message"));
      case "cancelled" -> new GenerationResult.Cancelled(obj.number("turn"));
      default -> throw new IllegalArgumentException("unknown generation status " + obj.string("status"));
    };
  }

  // ---- preparation --------------------------------------------------------------------------------------

  /**
   * The preparation as its {@code run.prepared} event; when the preparer derived a tool set, as
   * {@code {event, tools}} instead (a result without {@code tools} leaves the session's tools alone).
   */
  static String preparation(PreparationResult result) {
    Json.Obj prepared = event(new RunEvent.Prepared(result.run(), result.applied(), result.removedKeys()));
    if (result.tools().isEmpty()) return CanonicalJson.write(prepared);
    List<Json> tools = new ArrayList<>();
    for (ToolSpec spec : result.tools().get()) tools.add(EventCodec.toolSpec(spec));
    return CanonicalJson.write(Json.Obj.builder().put("event", prepared).putArray("tools", tools).build());
  }

  static PreparationResult preparation(String text) {
    Json.Obj obj = CanonicalJson.parseObject(text);
    if (!obj.has("tools")) {
      RunEvent.Prepared p = (RunEvent.Prepared) decode(obj);
      return new PreparationResult(p.run(), p.applied(), p.removedKeys());
    }
    RunEvent.Prepared p = (RunEvent.Prepared) decode(obj.object("event"));
    List<ToolSpec> tools = obj.array("tools").stream().map(item -> EventCodec.toolSpec((Json.Obj) item)).toList();
    return new PreparationResult(p.run(), p.applied(), p.removedKeys()).withTools(tools);
  }

  // ---- compaction ---------------------------------------------------------------------------------------

  static String compaction(long run, CompactionResult result) {
    return CanonicalJson.write(switch (result) {
      case CompactionResult.Completed c -> event(new ContextEvent.CompactionFinished(c.compaction(), run, c.items(), c.usage()));
      case CompactionResult.Failed f -> event(new ContextEvent.CompactionFailed(f.compaction(), run, f.reason(), f.message()));
    });
  }

  static CompactionResult compaction(String text) {
    return switch (decode(CanonicalJson.parseObject(text))) {
      case ContextEvent.CompactionFinished f -> new CompactionResult.Completed(f.compaction(), f.items(), f.usage());
      case ContextEvent.CompactionFailed f -> new CompactionResult.Failed(f.compaction(), f.reason(), f.message());
      default -> throw new IllegalArgumentException("not a compaction result: " + text);
    };
  }

  // ---- tools --------------------------------------------------------------------------------------------

  static String toolResult(long run, long turn, ToolCallResult r) {
    return CanonicalJson.write(event(new ToolEvent.CallCompleted(run, turn, r.batch(), r.callId(), r.outcome(), r.output(), r.size(), r.preview())));
  }

  static ToolCallResult toolResult(String text) {
    ToolEvent.CallCompleted c = (ToolEvent.CallCompleted) decode(CanonicalJson.parseObject(text));
    return new ToolCallResult(c.batch(), c.callId(), c.outcome(), c.output(), c.size(), c.preview());
  }

  static String invocation(ToolBatchRequest.Invocation invocation) {
    return CanonicalJson.write(Json.Obj.builder()
        .put("call", EventCodec.toolCall(invocation.call()))
        .put("spec", EventCodec.toolSpec(invocation.spec()))
        .build());
  }

  static ToolBatchRequest.Invocation invocation(String text) {
    Json.Obj obj = CanonicalJson.parseObject(text);
    return new ToolBatchRequest.Invocation(EventCodec.toolCall(obj.object("call")), EventCodec.toolSpec(obj.object("spec")));
  }

  private static Json.Obj event(dev.lightspeed.engine.event.Event event) {
    return LogEntryJson.envelopeToJson(EventCodec.encode(event));
  }

  private static dev.lightspeed.engine.event.Event decode(Json.Obj obj) {
    return EventCodec.decode(LogEntryJson.envelopeFromJson(obj));
  }
}
