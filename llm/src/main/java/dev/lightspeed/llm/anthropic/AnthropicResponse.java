package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A complete Messages API answer: the message id, {@code stop_reason}, normalised usage, each content block
 * as JSON text, and the whole message JSON (as received, or as assembled from the stream).
 *
 * @param stopReason the provider's {@code stop_reason}, or "" when it sent none
 */
record AnthropicResponse(String id, String stopReason, Usage usage, List<String> blocks, byte[] json) {
  AnthropicResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(usage, "usage");
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(json, "json");
  }

  /**
   * Reads a non-streamed message. The blocks are cut out of {@code body} character for character.
   *
   * @throws ProviderException classified when the body is an error object, or transient when it is not a
   *     message at all
   */
  static AnthropicResponse fromJson(String provider, String requestId, byte[] body) throws ProviderException {
    String text = new String(body, StandardCharsets.UTF_8);
    JsonNode root;
    try {
      root = AnthropicJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("the response is not JSON: " + e.getMessage()), true), e);
    }
    if (root == null || !root.isObject()) {
      throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("the response is not a JSON object"), true));
    }
    if (AnthropicJson.text(root, "type").equals("error")) {
      JsonNode error = root.get("error");
      String id = requestId.isEmpty() ? AnthropicJson.text(root, "request_id") : requestId;
      throw new ProviderException(ErrorClassifier.fromStreamError(provider, AnthropicJson.text(error, "type"), AnthropicJson.text(error, "message"), id));
    }
    return new AnthropicResponse(AnthropicJson.text(root, "id"), AnthropicJson.text(root, "stop_reason"), usage(root.get("usage")),
        RawJson.arrayMember(text, "content"), body);
  }

  /**
   * {@return the provider's usage normalised: input is {@code input_tokens} plus cache reads plus cache
   * writes (the whole prompt), cached input is the cache reads}
   */
  static Usage usage(JsonNode usage) {
    long cacheRead = AnthropicJson.number(usage, "cache_read_input_tokens");
    long input = AnthropicJson.number(usage, "input_tokens") + cacheRead + AnthropicJson.number(usage, "cache_creation_input_tokens");
    return new Usage(input, AnthropicJson.number(usage, "output_tokens"), cacheRead, 0);
  }
}
