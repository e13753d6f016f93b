package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scripted OpenAI Chat Completions answer ({@code POST /v1/chat/completions}), rendered in the real wire
 * format as a stream ({@link #streaming()}) or a JSON body ({@link #json()}). Immutable: each method returns a
 * new script.
 *
 * <p>The stream follows the 2026 recordings ({@code openai-chat-completions/tool-call-stream-with-usage.sse},
 * {@code tool-result-continuation-text-stream-with-usage.sse}): {@code data:} lines only, every chunk an
 * {@code chat.completion.chunk} with {@code "usage": null}; text opens with a
 * {@code {"role":"assistant","content":"","refusal":null}} chunk and continues with one chunk per delta; a
 * tool call opens with a chunk carrying {@code index}, {@code id}, {@code type} and {@code function.name}
 * with empty arguments (the first call also carries the role when there is no text), then its arguments in
 * fragments of up to 8 characters keyed by {@code index}, calls one after the other; then a chunk with an
 * empty delta and {@code finish_reason}, the usage chunk with {@code "choices": []} (what
 * {@code stream_options.include_usage} produces), and {@code data: [DONE]}. No {@code obfuscation} padding.
 */
public final class ChatScript {
  private record ToolCall(String id, String name, String arguments) {}

  private record Usage(long prompt, long cached, long completion, long reasoning) {}

  private final String id;
  private final String model;
  private final long created;
  private final List<String> textDeltas;
  private final List<ToolCall> toolCalls;
  private final String finishReason;
  private final Usage usage;

  private ChatScript(
      String id,
      String model,
      long created,
      List<String> textDeltas,
      List<ToolCall> toolCalls,
      String finishReason,
      Usage usage) {
    this.id = id;
    this.model = model;
    this.created = created;
    this.textDeltas = List.copyOf(textDeltas);
    this.toolCalls = List.copyOf(toolCalls);
    this.finishReason = finishReason;
    this.usage = usage;
  }

  /**
   * An empty script: id {@code chatcmpl-fake}, model {@code gpt-fake}, created at 1700000000, zero usage,
   * finish reason {@code tool_calls} when there are tool calls and {@code stop} otherwise.
   */
  public static ChatScript create() {
    return new ChatScript(
        "chatcmpl-fake", "gpt-fake", 1_700_000_000L, List.of(), List.of(), null, new Usage(0, 0, 0, 0));
  }

  public ChatScript id(String id) {
    Objects.requireNonNull(id, "id");
    return new ChatScript(id, model, created, textDeltas, toolCalls, finishReason, usage);
  }

  public ChatScript model(String model) {
    Objects.requireNonNull(model, "model");
    return new ChatScript(id, model, created, textDeltas, toolCalls, finishReason, usage);
  }

  /** Appends assistant text that streams as the given deltas, one chunk each. */
  public ChatScript text(String... deltas) {
    if (deltas.length == 0) throw new IllegalArgumentException("text needs at least one delta");
    List<String> copy = new ArrayList<>(textDeltas);
    copy.addAll(List.of(deltas));
    return new ChatScript(id, model, created, copy, toolCalls, finishReason, usage);
  }

  /** Adds a function tool call; several calls are parallel tool calls with {@code index} 0, 1, … */
  public ChatScript toolCall(String callId, String name, String argumentsJson) {
    List<ToolCall> copy = new ArrayList<>(toolCalls);
    copy.add(new ToolCall(
        Objects.requireNonNull(callId, "callId"),
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(argumentsJson, "argumentsJson")));
    return new ChatScript(id, model, created, textDeltas, copy, finishReason, usage);
  }

  /** Overrides {@code finish_reason}, e.g. {@code length} or {@code content_filter}. */
  public ChatScript finishReason(String finishReason) {
    return new ChatScript(
        id, model, created, textDeltas, toolCalls, Objects.requireNonNull(finishReason, "finishReason"), usage);
  }

  /** Sets {@code usage}; {@code total_tokens} is prompt plus completion. */
  public ChatScript usage(long promptTokens, long cachedTokens, long completionTokens, long reasoningTokens) {
    return new ChatScript(
        id, model, created, textDeltas, toolCalls, finishReason,
        new Usage(promptTokens, cachedTokens, completionTokens, reasoningTokens));
  }

  /** {@return the answer as an SSE stream, for a request with {@code "stream": true}} */
  public FakeResponse streaming() {
    List<byte[]> events = new ArrayList<>();
    boolean roleSent = false;
    if (!textDeltas.isEmpty()) {
      events.add(chunk(Json.Obj.builder()
          .put("role", "assistant")
          .put("content", "")
          .put("refusal", Json.NULL)
          .build(), Json.NULL));
      roleSent = true;
      for (String delta : textDeltas) {
        events.add(chunk(Json.Obj.builder().put("content", delta).build(), Json.NULL));
      }
    }
    for (int index = 0; index < toolCalls.size(); index++) {
      ToolCall call = toolCalls.get(index);
      Json.Obj start = Json.Obj.builder()
          .put("index", index)
          .put("id", call.id())
          .put("type", "function")
          .put("function", Json.Obj.builder().put("name", call.name()).put("arguments", "").build())
          .build();
      Json.Obj.Builder delta = Json.Obj.builder();
      if (!roleSent) delta.put("role", "assistant").put("content", Json.NULL);
      delta.putArray("tool_calls", List.of(start));
      if (!roleSent) delta.put("refusal", Json.NULL);
      roleSent = true;
      events.add(chunk(delta.build(), Json.NULL));
      for (String fragment : Fragments.split(call.arguments())) {
        Json.Obj piece = Json.Obj.builder()
            .put("index", index)
            .put("function", Json.Obj.builder().put("arguments", fragment).build())
            .build();
        events.add(chunk(Json.Obj.builder().putArray("tool_calls", List.of(piece)).build(), Json.NULL));
      }
    }
    events.add(chunk(Json.Obj.EMPTY, Json.of(finishReason())));
    events.add(Fragments.data(WireJson.write(envelope("chat.completion.chunk")
        .putArray("choices", List.of())
        .put("usage", usageObject())
        .build())));
    events.add(Fragments.data("[DONE]"));
    return FakeResponse.sseEvents(events);
  }

  /** {@return the answer as the JSON body of a non-streaming request} */
  public FakeResponse json() {
    Json.Obj.Builder message = Json.Obj.builder()
        .put("role", "assistant")
        .put("content", textDeltas.isEmpty() ? Json.NULL : Json.of(String.join("", textDeltas)))
        .put("refusal", Json.NULL)
        .put("annotations", Json.Arr.of());
    if (!toolCalls.isEmpty()) {
      List<Json> calls = new ArrayList<>();
      for (ToolCall call : toolCalls) {
        calls.add(Json.Obj.builder()
            .put("id", call.id())
            .put("type", "function")
            .put("function", Json.Obj.builder().put("name", call.name()).put("arguments", call.arguments()).build())
            .build());
      }
      message.putArray("tool_calls", calls);
    }
    Json.Obj choice = Json.Obj.builder()
        .put("index", 0)
        .put("message", message.build())
        .put("logprobs", Json.NULL)
        .put("finish_reason", finishReason())
        .build();
    Json.Obj body = Json.Obj.builder()
        .put("id", id)
        .put("object", "chat.completion")
        .put("created", created)
        .put("model", model)
        .putArray("choices", List.of(choice))
        .put("usage", usageObject())
        .put("service_tier", "default")
        .put("system_fingerprint", "fp_fake")
        .build();
    return FakeResponse.json(WireJson.write(body));
  }

  private String finishReason() {
    if (finishReason != null) return finishReason;
    return toolCalls.isEmpty() ? "stop" : "tool_calls";
  }

  private byte[] chunk(Json.Obj delta, Json finish) {
    Json.Obj choice = Json.Obj.builder()
        .put("index", 0)
        .put("delta", delta)
        .put("logprobs", Json.NULL)
        .put("finish_reason", finish)
        .build();
    return Fragments.data(WireJson.write(envelope("chat.completion.chunk")
        .putArray("choices", List.of(choice))
        .put("usage", Json.NULL)
        .build()));
  }

  private Json.Obj.Builder envelope(String object) {
    return Json.Obj.builder()
        .put("id", id)
        .put("object", object)
        .put("created", created)
        .put("model", model)
        .put("service_tier", "default")
        .put("system_fingerprint", "fp_fake");
  }

  private Json.Obj usageObject() {
    return Json.Obj.builder()
        .put("prompt_tokens", usage.prompt())
        .put("completion_tokens", usage.completion())
        .put("total_tokens", usage.prompt() + usage.completion())
        .put("prompt_tokens_details", Json.Obj.builder()
            .put("cached_tokens", usage.cached())
            .put("audio_tokens", 0)
            .build())
        .put("completion_tokens_details", Json.Obj.builder()
            .put("reasoning_tokens", usage.reasoning())
            .put("audio_tokens", 0)
            .put("accepted_prediction_tokens", 0)
            .put("rejected_prediction_tokens", 0)
            .build())
        .build();
  }
}
