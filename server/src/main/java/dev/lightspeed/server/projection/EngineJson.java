package dev.lightspeed.server.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;

/**
 * Carries JSON documents (session and run config) between the engine's own {@link Json} values and the
 * Jackson trees of the wire types, through their text so numbers and member order survive unchanged.
 */
public final class EngineJson {
  private EngineJson() {}

  /** {@return {@code value} as a Jackson object} */
  public static ObjectNode toTree(Json.Obj value) {
    try {
      return (ObjectNode) ApiJson.mapper().readTree(CanonicalJson.write(value));
    } catch (JsonProcessingException e) {
      throw new AssertionError("the canonical writer produced unreadable JSON", e);
    }
  }

  /**
   * {@return {@code tree} as an engine object}
   *
   * @throws dev.lightspeed.engine.json.JsonSyntaxException when the text does not parse in the engine's
   *     stricter reader
   */
  public static Json.Obj fromTree(ObjectNode tree) {
    return CanonicalJson.parseObject(ApiJson.toJson(tree));
  }
}
