package dev.lightspeed.engine.context;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;

/** The JSON form of context items, entries and sources, shared by the event codec and the fingerprint. */
public final class ContextJson {
  private ContextJson() {}

  public static Json.Obj item(ContextItem item) {
    Json.Obj.Builder b = Json.Obj.builder()
        .put("kind", item.kind().wireName())
        .put("content", item.content().toString())
        .put("mediaType", item.mediaType())
        .put("tokenEstimate", item.tokenEstimate());
    if (item.role() != EntryRole.NONE) b.put("role", item.role().wireName());
    b.put("key", item.key());
    b.put("providerKind", item.providerKind());
    b.put("preview", item.preview());
    b.put("callId", item.callId());
    if (item.isError()) b.put("isError", true);
    return b.build();
  }

  public static ContextItem item(Json.Obj obj) {
    return new ContextItem(
        obj.findString("key").orElse(null),
        EntryKind.fromWire(obj.string("kind")),
        obj.findString("role").map(EntryRole::fromWire).orElse(EntryRole.NONE),
        ref(obj.string("content")),
        obj.string("mediaType"),
        obj.findString("providerKind").orElse(null),
        obj.findString("preview").orElse(null),
        obj.number("tokenEstimate"),
        obj.findString("callId").orElse(null),
        obj.find("isError").isPresent() && obj.bool("isError"));
  }

  public static Json.Obj entry(ContextEntry entry) {
    return Json.Obj.builder()
        .put("id", entry.id())
        .put("source", source(entry.source()))
        .put("item", item(entry.item()))
        .build();
  }

  public static Json.Obj source(EntrySource source) {
    Json.Obj.Builder b = Json.Obj.builder();
    switch (source) {
      case EntrySource.ContextEdit e -> b.put("type", "contextEdit");
      case EntrySource.RunInput r -> b.put("type", "runInput").put("run", r.run()).put("index", r.index());
      case EntrySource.Steering s -> b.put("type", "steering").put("run", s.run()).put("steering", s.steering()).put("index", s.index());
      case EntrySource.AssistantOutput a -> b.put("type", "assistantOutput").put("run", a.run()).put("turn", a.turn());
      case EntrySource.Tool t -> b.put("type", "tool").put("run", t.run()).put("turn", t.turn()).put("batch", t.batch());
      case EntrySource.Runtime r -> b.put("type", "runtime").put("label", r.label());
    }
    return b.build();
  }

  public static EntrySource source(Json.Obj obj) {
    String type = obj.string("type");
    return switch (type) {
      case "contextEdit" -> EntrySource.CONTEXT_EDIT;
      case "runInput" -> new EntrySource.RunInput(obj.number("run"), index(obj));
      case "steering" -> new EntrySource.Steering(obj.number("run"), obj.number("steering"), index(obj));
      case "assistantOutput" -> new EntrySource.AssistantOutput(obj.number("run"), obj.number("turn"));
      case "tool" -> new EntrySource.Tool(obj.number("run"), obj.number("turn"), obj.number("batch"));
      case "runtime" -> new EntrySource.Runtime(obj.string("label"));
      default -> throw new JsonShapeException("unknown entry source type \"" + type + "\"");
    };
  }

  private static int index(Json.Obj obj) {
    long index = obj.number("index");
    if (index < 0 || index > Integer.MAX_VALUE) throw new JsonShapeException("field \"index\" out of range: " + index);
    return (int) index;
  }

  static BlobRef ref(String text) {
    BlobRef ref = BlobRef.parseOrNull(text);
    if (ref == null) throw new JsonShapeException("invalid blob ref \"" + text + "\"");
    return ref;
  }
}
