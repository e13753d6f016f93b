package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON plumbing the Anthropic classes share: one mapper that keeps decimal literals exact (so a block
 * parsed and written back keeps {@code 1.0} as {@code 1.0}) and accepts very long strings, compact writing
 * with Jackson generators, and the {@code cache_control} splice for blocks that must otherwise stay byte
 * for byte as stored.
 */
final class AnthropicJson {
  /**
   * Longest string the parser accepts, far above Jackson's 20 M default: a compaction block's
   * {@code encrypted_content} or a document's base64 data can be tens of megabytes.
   */
  static final int MAX_STRING_CHARS = 512 * 1024 * 1024;

  static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
          .build())
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();
  static final JsonFactory FACTORY = MAPPER.getFactory();

  /** The member every breakpoint adds: a 5-minute ephemeral prompt cache entry. */
  static final String CACHE_CONTROL_MEMBER = "\"cache_control\":{\"type\":\"ephemeral\"}";

  private AnthropicJson() {}

  /** Writes one JSON value with {@code body}. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** {@return the compact JSON text {@code body} writes} */
  static String write(Body body) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toString();
  }

  /** {@return {@code node} as compact JSON} */
  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
  }

  /**
   * {@return the JSON object {@code objectJson} with {@code "cache_control":{"type":"ephemeral"}} added as its
   * last member; every character before the closing brace is kept as it was}
   *
   * @throws IllegalArgumentException when {@code objectJson} is not a JSON object
   */
  static String withCacheControl(String objectJson) {
    String t = objectJson.strip();
    if (!t.startsWith("{") || !t.endsWith("}")) {
      throw new IllegalArgumentException("cannot add cache_control: not a JSON object: " + abbreviate(t, 80));
    }
    boolean empty = t.substring(1, t.length() - 1).isBlank();
    return t.substring(0, t.length() - 1) + (empty ? "" : ",") + CACHE_CONTROL_MEMBER + "}";
  }

  /** {@return the node's text, or "" when it is missing or not textual} */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.isTextual() ? "" : v.asText();
  }

  /** {@return the node's integer value, or 0 when it is missing or not a number} */
  static long number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || !v.isNumber() ? 0 : v.asLong();
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
