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
final class SessionConfigs {
  private SessionConfigs() {}

  /**
   * {@return {@code config} (null meaning {}) with {@code model} filled in when absent}
   *
   * @throws RpcException (invalid params) naming the offending member
   */
  static Json.Obj prepare(ObjectNode config, Json.Obj model) {
    Json.Obj document;
    try {
      document = config == null ? Json.Obj.EMPTY : EngineJson.fromTree(config);
    } catch (JsonSyntaxException e) {
      throw RpcException.invalidParams("config: " + e.getMessage());
    }
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
}
