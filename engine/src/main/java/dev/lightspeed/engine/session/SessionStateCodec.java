package dev.lightspeed.engine.session;

import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonReader;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.engine.json.JsonSyntaxException;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.engine.tool.ToolingState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A versioned JSON snapshot of {@link SessionState}, so a host can hand the fold of a long log across a
 * process or workflow boundary instead of replaying it there. It must be exact ({@code decode(encode(s))}
 * equals {@code s}) because the receiver continues from it as if it had folded the log itself.
 */
public final class SessionStateCodec {
  /** The snapshot format this build writes and reads. */
  public static final int STATE_VERSION = 1;

  private SessionStateCodec() {}

  /**
   * {@return the snapshot of {@code state}} The form is
   * {@code {"stateVersion":1, "head", "lifecycle", "config", "runs", "context", "tooling"}}: one member per
   * record component, enums as wire names, blob refs as strings, empty optionals omitted, maps as arrays
   * sorted by key, value types as {@link EventCodec} and {@code ContextJson} write them. The config keeps
   * only its document and revision, since the settings are the document's parse. Decoding ignores members
   * it does not know, so any change to this form must bump {@link #STATE_VERSION}.
   *
   * @throws IllegalArgumentException when the state is not one the fold can produce (settings that are not
   *     the parse of the config document, a map key that disagrees with its value), which the form cannot keep
   */
  public static Json.Obj encode(SessionState state) {
    return Json.Obj.builder()
        .put("stateVersion", STATE_VERSION)
        .put("head", state.head())
        .put("lifecycle", state.lifecycle().wireName())
        .put("config", config(state.config()))
        .put("runs", RunsJson.encode(state.runs()))
        .put("context", ContextStateJson.encode(state.context()))
        .put("tooling", tooling(state.tooling()))
        .build();
  }

  /** {@return the snapshot's canonical JSON in UTF-8} */
  public static byte[] toBytes(SessionState state) {
    return CanonicalJson.writeUtf8(encode(state));
  }

  /**
   * {@return the state held by {@code json}}
   *
   * @throws StateDecodeException naming the path of the first bad member
   */
  public static SessionState decode(Json json) {
    if (!(json instanceof Json.Obj root)) throw new StateDecodeException("state: must be a JSON object", null);
    try {
      JsonReader r = JsonReader.of(root);
      long version = r.number("stateVersion");
      if (version != STATE_VERSION) {
        throw r.error("stateVersion", "unsupported version " + version + " (this build reads " + STATE_VERSION + ")");
      }
      return new SessionState(
          r.number("head"),
          r.wire("lifecycle", Lifecycle.values(), Lifecycle::wireName),
          config(r.reader("config")),
          RunsJson.decode(r.reader("runs")),
          ContextStateJson.decode(r.reader("context")),
          tooling(r.reader("tooling")));
    } catch (JsonShapeException e) {
      throw new StateDecodeException(e.getMessage(), e);
    }
  }

  /** @throws StateDecodeException when the bytes are not JSON or not a snapshot this build reads */
  public static SessionState fromBytes(byte[] utf8) {
    Json json;
    try {
      json = CanonicalJson.parse(utf8);
    } catch (JsonSyntaxException e) {
      throw new StateDecodeException("state: not valid JSON: " + e.getMessage(), e);
    }
    return decode(json);
  }

  // ---- config ------------------------------------------------------------------------------------------

  private static Json.Obj config(ConfigState config) {
    SessionSettings parsed;
    try {
      parsed = SessionConfigParser.parseSession(config.document());
    } catch (ConfigException e) {
      throw new IllegalArgumentException("config.document is not a valid session config: " + e.getMessage(), e);
    }
    if (!parsed.equals(config.settings())) {
      throw new IllegalArgumentException("config.settings are not the parse of config.document; the snapshot keeps only the document");
    }
    return Json.Obj.builder().put("document", config.document()).put("revision", config.revision()).build();
  }

  private static ConfigState config(JsonReader r) {
    Json.Obj document = r.object("document");
    SessionSettings settings;
    try {
      settings = SessionConfigParser.parseSession(document);
    } catch (ConfigException e) {
      throw r.error("document", e.getMessage());
    }
    return new ConfigState(document, r.number("revision"), settings);
  }

  // ---- tooling -----------------------------------------------------------------------------------------

  private static Json.Obj tooling(ToolingState tooling) {
    tooling.tools().forEach((name, spec) -> {
      if (!name.equals(spec.name())) throw new IllegalArgumentException("tool \"" + name + "\" holds the spec of \"" + spec.name() + "\"");
    });
    return Json.Obj.builder()
        .putArray("tools", tooling.tools().values().stream().map(EventCodec::toolSpec).toList())
        .put("revision", tooling.revision())
        .build();
  }

  private static ToolingState tooling(JsonReader r) {
    List<ToolSpec> specs = r.decodeAll("tools", EventCodec::toolSpec);
    Map<String, ToolSpec> tools = new HashMap<>();
    for (int i = 0; i < specs.size(); i++) {
      ToolSpec spec = specs.get(i);
      if (tools.put(spec.name(), spec) != null) throw r.error("tools[" + i + "]", "duplicate tool \"" + spec.name() + "\"");
    }
    return new ToolingState(tools, r.number("revision"));
  }
}
