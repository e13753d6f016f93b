package dev.lightspeed.server.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonSyntaxException;
import dev.lightspeed.engine.session.ConfigException;
import dev.lightspeed.engine.session.SessionConfigParser;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.rpc.RpcException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepares a client's {@code SessionConfig} document for admission: checked by the engine's own parser
 * (so a bad document is refused before anything is stored) and given a model when it names none, because
 * documents read back always carry the model.
 */
public final class SessionConfigs {
  private SessionConfigs() {}

  /**
   * {@return {@code config} (null meaning {}) with {@code model} filled in when absent}
   *
   * @throws RpcException (invalid params) naming the offending member
   */
  public static Json.Obj prepare(ObjectNode config, Json.Obj model) {
    return prepare(document(config), model);
  }

  /**
   * {@return {@code document} with {@code model} filled in when absent}
   *
   * @throws RpcException (invalid params) naming the offending member
   */
  public static Json.Obj prepare(Json.Obj document, Json.Obj model) {
    if (!document.has("model") || document.get("model") instanceof Json.Null) {
      Map<String, Json> members = new LinkedHashMap<>(document.members());
      members.put("model", model);
      document = new Json.Obj(members);
    }
    try {
      SessionConfigParser.parseSession(document);
    } catch (ConfigException e) {
      throw RpcException.invalidParams(e.getMessage());
    }
    return document;
  }

  /** {@return {@code config} (null meaning {}) as an engine document} @throws RpcException (invalid params) when it holds no JSON the engine takes */
  public static Json.Obj document(ObjectNode config) {
    try {
      return config == null ? Json.Obj.EMPTY : EngineJson.fromTree(config);
    } catch (JsonSyntaxException e) {
      throw RpcException.invalidParams("config: " + e.getMessage());
    }
  }

  /**
   * {@return {@code base} with each top-level section of {@code overlay} in place of its own}: a section the
   * overlay sets (to anything but null) replaces the base's whole section; the others stay as in {@code base}.
   */
  public static Json.Obj overlay(Json.Obj base, Json.Obj overlay) {
    Map<String, Json> members = new LinkedHashMap<>(base.members());
    overlay.members().forEach((name, section) -> {
      if (!(section instanceof Json.Null)) members.put(name, section);
    });
    return new Json.Obj(members);
  }
}
