package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.SseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Folds a Messages API event stream into the message it describes. Each content block starts as the
 * {@code content_block_start} object with every field kept; deltas then complete it: {@code text_delta} →
 * {@code text}, {@code thinking_delta} → {@code thinking}, {@code signature_delta} → {@code signature},
 * {@code compaction_delta} → {@code content} and {@code encrypted_content}, {@code citations_delta} →
 * appended to {@code citations} (replacing the start's {@code null}), and the concatenated
 * {@code input_json_delta} fragments are parsed into {@code input} (the start's {@code input}, usually
 * {@code {}}, when they are empty). The message is the
 * {@code message_start} object with the blocks as {@code content}, the {@code message_delta} fields
 * ({@code stop_reason}, {@code stop_sequence}, ...) applied, and its usage overlaid by the delta's
 * cumulative usage. {@code ping} and unknown events are ignored.
 *
 * <p>Text and thinking deltas are passed to {@link TurnDeltas} as they arrive. Not thread-safe; one per stream.
 */
final class AnthropicStreamReducer {
  private static final System.Logger LOG = System.getLogger(AnthropicStreamReducer.class.getName());


  private final String provider;
  private final String requestId;
  private final TurnDeltas deltas;
  private final SortedMap<Integer, BlockBuilder> blocks = new TreeMap<>();
  private ObjectNode message;
  private boolean stopped;

  AnthropicStreamReducer(String provider, String requestId, TurnDeltas deltas) {
    this.provider = provider;
    this.requestId = requestId;
    this.deltas = deltas;
  }

  /**
   * Applies one event.
   *
   * @return true once {@code message_stop} has arrived
   * @throws ProviderException classified for an {@code error} event; transient {@code STREAM_INTERRUPTED}
   *     for data that is not JSON or an {@code input_json_delta} concatenation that does not parse
   */
  boolean accept(SseEvent event) throws ProviderException {
    JsonNode data = parse(event.data(), "event data");
    String type = AnthropicJson.text(data, "type");
    if (type.isEmpty()) type = event.event();
    switch (type) {
      case "message_start" -> message = data.get("message") instanceof ObjectNode m ? m : AnthropicJson.MAPPER.createObjectNode();
      case "content_block_start" -> {
        ObjectNode start = data.get("content_block") instanceof ObjectNode b ? b : AnthropicJson.MAPPER.createObjectNode();
        blocks.put((int) AnthropicJson.number(data, "index"), new BlockBuilder(start));
      }
      case "content_block_delta" -> delta((int) AnthropicJson.number(data, "index"), data.get("delta"));
      case "message_delta" -> messageDelta(data);
      case "message_stop" -> stopped = true;
      case "error" -> {
        JsonNode error = data.get("error");
        String id = AnthropicJson.text(data, "request_id");
        throw new ProviderException(ErrorClassifier.fromStreamError(provider, AnthropicJson.text(error, "type"),
            AnthropicJson.text(error, "message"), id.isEmpty() ? requestId : id));
      }
      default -> { } // ping, content_block_stop, and events added after this was written
    }
    return stopped;
  }

  boolean stopped() {
    return stopped;
  }

  /**
   * {@return the assembled message}
   *
   * @throws ProviderException transient when a tool input does not parse
   */
  AnthropicResponse finish() throws ProviderException {
    ObjectNode m = message();
    List<String> content = new ArrayList<>(blocks.size());
    var array = m.putArray("content");
    for (BlockBuilder b : blocks.values()) {
      ObjectNode block = b.finish();
      array.add(block);
      content.add(AnthropicJson.write(block));
    }
    String json = AnthropicJson.write(m);
    return new AnthropicResponse(AnthropicJson.text(m, "id"), AnthropicJson.text(m, "stop_reason"), AnthropicResponse.usage(m.get("usage")),
        content, json.getBytes(StandardCharsets.UTF_8));
  }

  private ObjectNode message() {
    if (message == null) message = AnthropicJson.MAPPER.createObjectNode();
    return message;
  }

  private void delta(int index, JsonNode delta) {
    BlockBuilder block = blocks.get(index);
    String type = AnthropicJson.text(delta, "type");
    if (block == null) {
      LOG.log(System.Logger.Level.WARNING, "{0}: {1} for content block {2}, which never started; ignored", provider, type, index);
      return;
    }
    switch (type) {
      case "text_delta" -> {
        String text = AnthropicJson.text(delta, "text");
        block.append("text", text);
        if (!text.isEmpty()) deltas.text(text);
      }
      case "thinking_delta" -> {
        String thinking = AnthropicJson.text(delta, "thinking");
        block.append("thinking", thinking);
        if (!thinking.isEmpty()) deltas.reasoning(thinking);
      }
      case "signature_delta" -> block.append("signature", AnthropicJson.text(delta, "signature"));
      case "input_json_delta" -> block.partialJson.append(AnthropicJson.text(delta, "partial_json"));
      case "compaction_delta" -> {
        if (delta.path("content").isTextual()) block.append("content", delta.get("content").asText());
        if (delta.path("encrypted_content").isTextual()) block.append("encrypted_content", delta.get("encrypted_content").asText());
      }
      case "citations_delta" -> {
        ArrayNode citations = block.block.get("citations") instanceof ArrayNode a ? a : block.block.putArray("citations");
        citations.add(delta.get("citation"));
      }
      default -> LOG.log(System.Logger.Level.WARNING, "{0}: unknown delta type \"{1}\" in content block {2}; ignored", provider, type, index);
    }
  }

  private void messageDelta(JsonNode data) {
    ObjectNode m = message();
    var fields = data.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      switch (field.getKey()) {
        case "type" -> { }
        case "delta" -> field.getValue().properties().forEach(e -> m.set(e.getKey(), e.getValue()));
        case "usage" -> {
          ObjectNode usage = m.get("usage") instanceof ObjectNode u ? u : m.putObject("usage");
          field.getValue().properties().forEach(e -> usage.set(e.getKey(), e.getValue()));
        }
        default -> m.set(field.getKey(), field.getValue());
      }
    }
  }

  private JsonNode parse(String text, String what) throws ProviderException {
    try {
      JsonNode node = AnthropicJson.MAPPER.readTree(text);
      if (node == null) throw new IOException("empty");
      return node;
    } catch (IOException e) {
      throw new ProviderException(ErrorClassifier.fromIo(provider,
          new IOException(what + " is not JSON: " + AnthropicJson.abbreviate(text, 120)), true), e);
    }
  }

  /** One content block being assembled. */
  private final class BlockBuilder {
    final ObjectNode block;
    final Map<String, StringBuilder> appended = new LinkedHashMap<>();
    final StringBuilder partialJson = new StringBuilder();

    BlockBuilder(ObjectNode start) {
      this.block = start;
    }

    void append(String field, String text) {
      appended.computeIfAbsent(field, f -> new StringBuilder()).append(text);
    }

    ObjectNode finish() throws ProviderException {
      appended.forEach((field, text) -> {
        JsonNode before = block.get(field);
        block.put(field, (before != null && before.isTextual() ? before.asText() : "") + text);
      });
      appended.clear();
      if (!partialJson.isEmpty()) {
        block.set("input", parse(partialJson.toString(), "the streamed tool input"));
        partialJson.setLength(0);
      } else if (AnthropicJson.text(block, "type").endsWith("tool_use") && !block.has("input")) {
        block.putObject("input");
      }
      return block;
    }
  }
}
