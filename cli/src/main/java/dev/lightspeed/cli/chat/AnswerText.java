package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.ApiJson;
import java.io.IOException;

/**
 * The text of a run's answer blob. The gateway names the answer as a blob ref; adapters store the provider's
 * native item there (an OpenAI Responses message, a Chat Completions message, an Anthropic text block), a
 * scripted model plain text. Recognised shapes give their text; anything else is the blob as it is.
 */
public final class AnswerText {
  private AnswerText() {}

  /** {@return the answer's text in {@code blob}} */
  public static String of(String blob) {
    JsonNode node;
    try {
      node = ApiJson.mapper().readTree(blob);
    } catch (IOException e) {
      return blob;
    }
    if (node == null) return blob;
    String text = text(node);
    return text == null ? blob : text;
  }

  /** {@return the text of a native item or list of blocks, or null for a shape that is not one} */
  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode block : node) {
        String part = text(block);
        if (part == null) return null;
        joined.append(part);
      }
      return joined.toString();
    }
    if (!node.isObject()) return null;
    String type = node.path("type").asText("");
    if ((type.equals("text") || type.equals("output_text")) && node.path("text").isTextual()) return node.get("text").asText();
    JsonNode content = node.path("content");
    boolean message = type.equals("message") || node.path("role").asText("").equals("assistant");
    if (message && content.isTextual()) return content.asText();
    if (message && content.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode part : content) {
        String partType = part.path("type").asText("");
        if ((partType.equals("output_text") || partType.equals("text")) && part.path("text").isTextual()) joined.append(part.get("text").asText());
      }
      return joined.toString();
    }
    return null;
  }
}
