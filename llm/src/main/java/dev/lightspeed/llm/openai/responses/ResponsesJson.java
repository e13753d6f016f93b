package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lightspeed.engine.llm.Usage;

/** Small read helpers over Jackson trees of Responses API payloads. Stateless and thread-safe. */
final class ResponsesJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ResponsesJson() {}

  /** {@return the parsed document} @throws IllegalArgumentException when {@code json} is not JSON */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@return the text of string member {@code field}, or "" when it is absent, null or not a string} */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? MissingNode.getInstance() : node.path(field);
    return v.isTextual() ? v.asText() : "";
  }

  /** {@return member {@code field} as a non-negative long, or 0 when it is absent or not a number} */
  static long count(JsonNode node, String field) {
    JsonNode v = node == null ? MissingNode.getInstance() : node.path(field);
    return v.isIntegralNumber() ? Math.max(0, v.asLong()) : 0;
  }

  /**
   * {@return the usage of a response or compaction object}: {@code input_tokens} already includes the cached
   * tokens, so it is the whole prompt as {@link Usage} requires.
   */
  static Usage usage(JsonNode response) {
    JsonNode u = response == null ? MissingNode.getInstance() : response.path("usage");
    if (!u.isObject()) return Usage.ZERO;
    return new Usage(count(u, "input_tokens"), count(u, "output_tokens"),
        count(u.path("input_tokens_details"), "cached_tokens"), count(u.path("output_tokens_details"), "reasoning_tokens"));
  }

  /** {@return {@code s} cut to at most 200 characters, for entry previews} */
  static String preview(String s) {
    return s.length() <= 200 ? s : s.substring(0, 199) + "…";
  }
}
