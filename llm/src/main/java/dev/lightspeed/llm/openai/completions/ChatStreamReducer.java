package dev.lightspeed.llm.openai.completions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.SseEvent;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds the {@code chat.completion.chunk}s of one Chat Completions stream into a {@link ChatCompletion}:
 * content, refusal and reasoning deltas are concatenated, tool-call fragments are joined by their
 * {@code index}, the last {@code finish_reason} and {@code usage} win. Content and reasoning deltas are
 * forwarded to a {@link TurnDeltas} sink as they arrive. Only choice 0 is read (requests never ask for more).
 * A whole non-streamed {@code chat.completion} folds like one chunk whose delta is its {@code message}.
 * Not thread-safe: one reducer per stream.
 */
final class ChatStreamReducer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUOTED_CHUNK = 200;


  private final String provider;
  private final String requestId;
  private final TurnDeltas deltas;

  private String id;
  private String model;
  private long created;
  private String serviceTier;
  private String systemFingerprint;
  private StringBuilder content;
  private StringBuilder refusal;
  private StringBuilder reasoning;
  private String reasoningField = "reasoning_content";
  private final TreeMap<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();
  private int lastToolIndex = -1;
  private String finishReason = "";
  private String usageJson;
  private Usage usage = Usage.ZERO;

  ChatStreamReducer(String provider, String requestId, TurnDeltas deltas) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.deltas = Objects.requireNonNull(deltas, "deltas");
  }

  /**
   * Folds one event (not {@code [DONE]}) into the answer.
   *
   * @throws ProviderException classified like an HTTP error when the event reports an error, or as an
   *     interrupted stream when its data is not a JSON object
   */
  void accept(SseEvent event) throws ProviderException {
    JsonNode chunk = parse(event.data());
    JsonNode error = chunk.get("error");
    if (event.event().equals("error") || (error != null && !error.isNull())) throw streamError(error == null ? chunk : error);

    if (id == null && chunk.path("id").isTextual() && !chunk.get("id").asText().isEmpty()) id = chunk.get("id").asText();
    if (model == null && chunk.path("model").isTextual()) model = chunk.get("model").asText();
    if (created == 0 && chunk.path("created").canConvertToLong()) created = chunk.get("created").asLong();
    if (chunk.path("service_tier").isTextual()) serviceTier = chunk.get("service_tier").asText();
    if (chunk.path("system_fingerprint").isTextual()) systemFingerprint = chunk.get("system_fingerprint").asText();

    for (JsonNode choice : chunk.path("choices")) {
      if (choice.path("index").asInt(0) != 0) continue;
      // a non-streamed chat.completion (sent by servers that ignore "stream") carries the whole message
      JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
      String text = textOf(delta, "content");
      if (text != null) {
        content = append(content, text);
        if (!text.isEmpty()) deltas.text(text);
      }
      String thought = textOf(delta, "reasoning_content");
      if (thought == null) {
        thought = textOf(delta, "reasoning");
        if (thought != null && !thought.isEmpty() && reasoning == null) reasoningField = "reasoning";
      }
      if (thought != null && !thought.isEmpty()) {
        reasoning = append(reasoning, thought);
        deltas.reasoning(thought);
      }
      String refused = textOf(delta, "refusal");
      if (refused != null) refusal = append(refusal, refused);
      for (JsonNode fragment : delta.path("tool_calls")) toolCall(fragment);
      String finish = textOf(choice, "finish_reason");
      if (finish != null) finishReason = finish;
    }

    JsonNode usageNode = chunk.get("usage");
    if (usageNode != null && usageNode.isObject()) {
      usageJson = RawJson.member(event.data(), "usage").orElseThrow();
      usage = new Usage(
          count(usageNode.path("prompt_tokens")),
          count(usageNode.path("completion_tokens")),
          count(usageNode.path("prompt_tokens_details").path("cached_tokens")),
          count(usageNode.path("completion_tokens_details").path("reasoning_tokens")));
    }
  }

  /**
   * {@return the assembled answer, after {@code [DONE]}} A tool call the server sent without an id gets
   * {@code callIdPrefix + index}, so its result can be matched to it.
   */
  ChatCompletion finish(String callIdPrefix) {
    List<ChatCompletion.ToolCallPart> calls = new ArrayList<>();
    for (Map.Entry<Integer, ToolCallBuilder> e : toolCalls.entrySet()) {
      ToolCallBuilder b = e.getValue();
      String callId = b.id == null ? callIdPrefix + e.getKey() : b.id;
      calls.add(new ChatCompletion.ToolCallPart(callId, b.type == null ? "function" : b.type, b.name == null ? "" : b.name, b.arguments.toString()));
    }
    // OpenAI answers content null beside tool calls, and rejects a replayed message with neither
    String text = content != null && !content.isEmpty() ? content.toString() : calls.isEmpty() ? "" : null;
    return new ChatCompletion(id == null ? "" : id, model == null ? "" : model, created, serviceTier, systemFingerprint, text,
        refusal == null ? null : refusal.toString(), reasoning == null ? null : reasoning.toString(), reasoningField, calls, finishReason, usageJson, usage);
  }

  private void toolCall(JsonNode fragment) {
    String fragmentId = textOf(fragment, "id");
    int index;
    if (fragment.path("index").canConvertToInt()) {
      index = fragment.get("index").asInt();
    } else {
      // some OpenAI-compatible servers omit the index: match by id, else a new id starts a new call
      index = lastToolIndex < 0 ? 0 : lastToolIndex;
      if (fragmentId != null && !fragmentId.isEmpty()) {
        index = toolCalls.entrySet().stream().filter(e -> fragmentId.equals(e.getValue().id)).map(Map.Entry::getKey).findFirst()
            .orElse(toolCalls.isEmpty() ? 0 : toolCalls.lastKey() + 1);
      }
    }
    lastToolIndex = index;
    ToolCallBuilder b = toolCalls.computeIfAbsent(index, i -> new ToolCallBuilder());
    if (fragmentId != null && !fragmentId.isEmpty() && b.id == null) b.id = fragmentId;
    String type = textOf(fragment, "type");
    if (type != null && !type.isEmpty() && b.type == null) b.type = type;
    JsonNode function = fragment.path("function");
    String name = textOf(function, "name");
    if (name != null && !name.isEmpty() && b.name == null) b.name = name;
    String arguments = textOf(function, "arguments");
    if (arguments != null) b.arguments.append(arguments);
  }

  private ProviderException streamError(JsonNode error) {
    if (error.isTextual()) return new ProviderException(ErrorClassifier.fromStreamError(provider, "", error.asText(), requestId));
    String code = textOf(error, "code");
    String type = textOf(error, "type");
    String typeOrCode = code != null && !code.isEmpty() ? code : type;
    return new ProviderException(ErrorClassifier.fromStreamError(provider, typeOrCode, textOf(error, "message"), requestId));
  }

  private JsonNode parse(String data) throws ProviderException {
    try {
      JsonNode node = JSON.readTree(data);
      if (node != null && node.isObject()) return node;
    } catch (JsonProcessingException malformed) {
      // reported below with the chunk quoted
    }
    String quoted = data.length() <= MAX_QUOTED_CHUNK ? data : data.substring(0, MAX_QUOTED_CHUNK) + "…";
    throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("malformed stream chunk: " + quoted), true));
  }

  private static String textOf(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static long count(JsonNode n) {
    return n.canConvertToLong() ? Math.max(0, n.asLong()) : 0;
  }

  private static StringBuilder append(StringBuilder b, String text) {
    return (b == null ? new StringBuilder() : b).append(text);
  }

  private static final class ToolCallBuilder {
    String id;
    String type;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }
}
