package dev.lightspeed.engine.command;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.ContextJson;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonReader;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The JSON form of {@link Command}s, so commands can travel to a session hosted elsewhere (a workflow
 * signal or update) and be admitted there exactly as if they had been submitted locally.
 */
public final class CommandCodec {
  private CommandCodec() {}

  /**
   * {@return {@code {"type":"request_run", ...}}} One member per record component, named as the component;
   * value types in the forms of {@link EventCodec} and {@link ContextJson}; an empty {@code expectedRevision}
   * is omitted. Decoding ignores members it does not know.
   */
  public static Json.Obj encode(Command command) {
    return switch (command) {
      case Command.OpenSession c -> type("open_session").put("config", c.config()).build();
      case Command.ReplaceConfig c -> guarded("replace_config", c.expectedRevision()).put("config", c.config()).build();
      case Command.UpsertContext c -> guarded("upsert_context", c.expectedRevision()).put("items", array(c.items(), ContextJson::item)).build();
      case Command.ReplaceContextPrefix c -> guarded("replace_context_prefix", c.expectedRevision())
          .put("prefix", c.prefix())
          .put("items", array(c.items(), ContextJson::item))
          .build();
      case Command.RemoveContext c -> guarded("remove_context", c.expectedRevision())
          .put("keys", array(c.keys(), Json::of))
          .put("ids", array(c.ids(), Json::of))
          .build();
      case Command.CompactContext c -> type("compact_context").build();
      case Command.RequestRun c -> type("request_run")
          .put("submissionId", c.submissionId())
          .put("input", array(c.input(), EventCodec::inputItem))
          .put("config", c.config())
          .build();
      case Command.CancelRun c -> type("cancel_run").put("run", c.run()).build();
      case Command.ForceCancelRun c -> type("force_cancel_run").put("run", c.run()).build();
      case Command.SteerRun c -> type("steer_run").put("run", c.run()).put("input", array(c.input(), EventCodec::inputItem)).build();
      case Command.DecideApproval c -> type("decide_approval")
          .put("run", c.run())
          .put("callId", c.callId())
          .put("approve", c.approve())
          .put("note", c.note())
          .build();
      case Command.Atomic c -> type("atomic").put("commands", array(c.commands(), CommandCodec::encode)).build();
      case Command.CloseSession c -> type("close_session").put("force", c.force()).build();
      case Command.ReplaceTools c -> type("replace_tools").put("tools", array(c.tools(), EventCodec::toolSpec)).build();
      case Command.PatchTools c -> type("patch_tools")
          .put("upsert", array(c.upsert(), EventCodec::toolSpec))
          .put("remove", array(c.remove(), Json::of))
          .build();
    };
  }

  /**
   * {@return the command held by {@code json}}
   *
   * @throws CommandDecodeException naming the path of the first bad member
   */
  public static Command decode(Json json) {
    if (!(json instanceof Json.Obj root)) throw new CommandDecodeException("command: must be a JSON object", null);
    try {
      return read(JsonReader.of(root));
    } catch (JsonShapeException e) {
      throw new CommandDecodeException(e.getMessage(), e);
    }
  }

  private static Command read(JsonReader r) {
    String type = r.string("type");
    return switch (type) {
      case "open_session" -> new Command.OpenSession(r.object("config"));
      case "replace_config" -> new Command.ReplaceConfig(r.findNumber("expectedRevision"), r.object("config"));
      case "upsert_context" -> new Command.UpsertContext(r.findNumber("expectedRevision"), items(r));
      case "replace_context_prefix" -> new Command.ReplaceContextPrefix(r.findNumber("expectedRevision"), r.string("prefix"), items(r));
      case "remove_context" -> new Command.RemoveContext(r.findNumber("expectedRevision"), r.strings("keys"), r.longs("ids"));
      case "compact_context" -> new Command.CompactContext();
      case "request_run" -> new Command.RequestRun(r.string("submissionId"), input(r), r.object("config"));
      case "cancel_run" -> new Command.CancelRun(r.number("run"));
      case "force_cancel_run" -> new Command.ForceCancelRun(r.number("run"));
      case "steer_run" -> new Command.SteerRun(r.number("run"), input(r));
      case "decide_approval" -> new Command.DecideApproval(r.number("run"), r.string("callId"), r.bool("approve"), r.string("note"));
      case "atomic" -> new Command.Atomic(r.decodeAll("commands", obj -> read(JsonReader.of(obj))));
      case "close_session" -> new Command.CloseSession(r.bool("force"));
      case "replace_tools" -> new Command.ReplaceTools(r.decodeAll("tools", EventCodec::toolSpec));
      case "patch_tools" -> new Command.PatchTools(r.decodeAll("upsert", EventCodec::toolSpec), r.strings("remove"));
      default -> throw r.error("type", "unknown value \"" + type + "\"");
    };
  }

  private static List<ContextItem> items(JsonReader r) {
    return r.decodeAll("items", ContextJson::item);
  }

  private static List<InputItem> input(JsonReader r) {
    return r.decodeAll("input", EventCodec::inputItem);
  }

  private static Json.Obj.Builder type(String type) {
    return Json.Obj.builder().put("type", type);
  }

  private static Json.Obj.Builder guarded(String type, OptionalLong expectedRevision) {
    Json.Obj.Builder b = type(type);
    expectedRevision.ifPresent(rev -> b.put("expectedRevision", rev));
    return b;
  }

  private static <T> Json.Arr array(List<T> items, Function<T, ? extends Json> write) {
    List<Json> out = new ArrayList<>(items.size());
    for (T item : items) out.add(write.apply(item));
    return new Json.Arr(out);
  }
}
