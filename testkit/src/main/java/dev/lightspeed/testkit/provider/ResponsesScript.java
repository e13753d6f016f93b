package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A scripted OpenAI Responses API answer ({@code POST /v1/responses}, {@code POST /v1/responses/compact}),
 * rendered in the real wire format as a stream ({@link #streaming()}), a JSON body ({@link #json()}) or a
 * compaction resource ({@link #compactJson()}). Immutable: each method returns a new script.
 *
 * <p>Output items appear in the order they were added. Their ids are derived from the response id and the
 * output index ({@code msg_fake_0}, {@code fc_fake_1}, {@code rs_fake_2}, {@code cmp_fake_3} for the default
 * id {@code resp_fake}), so the output is deterministic.
 *
 * <p>The stream is the event sequence of the recordings ({@code openai-responses/text-stream.sse},
 * {@code reasoning-function-call-stream.sse}, {@code compact-server-side.stream-with-compaction-item.sse}):
 * {@code response.created}, {@code response.in_progress}, then per item {@code response.output_item.added},
 * its content events and {@code response.output_item.done}, then {@code response.completed},
 * {@code response.incomplete} or {@code response.failed} carrying the whole response. Event JSON has
 * {@code type} first, the other keys in alphabetical order and a {@code sequence_number} from 0, as current
 * streams do. There is no {@code [DONE]} and no {@code obfuscation} padding (as with
 * {@code stream_options.include_obfuscation: false}). Function-call arguments stream in fragments of up to 8
 * characters. Reasoning summaries stream as {@code response.reasoning_summary_part.added},
 * {@code response.reasoning_summary_text.delta} (one per part), {@code response.reasoning_summary_text.done},
 * {@code response.reasoning_summary_part.done}; no fixture records those events, their shape follows the
 * OpenAPI spec.
 */
public final class ResponsesScript {
  private sealed interface Item {}

  private record Message(List<String> deltas) implements Item {
    Message {
      deltas = List.copyOf(deltas);
    }

    String text() {
      return String.join("", deltas);
    }
  }

  private record FunctionCall(String callId, String name, String arguments) implements Item {}

  private record Reasoning(String encryptedContent, List<String> summary) implements Item {
    Reasoning {
      summary = List.copyOf(summary);
    }
  }

  private record Compaction(String encryptedContent) implements Item {}

  private record UserMessage(String text) implements Item {}

  private sealed interface Ending {}

  private record Completed() implements Ending {}

  private record Incomplete(String reason) implements Ending {}

  private record Failed(String code, String message) implements Ending {}

  private record Usage(long input, long cached, long output, long reasoning) {}

  private final String id;
  private final String model;
  private final long createdAt;
  private final List<Item> items;
  private final Usage usage;
  private final Ending ending;

  private ResponsesScript(String id, String model, long createdAt, List<Item> items, Usage usage, Ending ending) {
    this.id = id;
    this.model = model;
    this.createdAt = createdAt;
    this.items = List.copyOf(items);
    this.usage = usage;
    this.ending = ending;
  }

  /** An empty script: id {@code resp_fake}, model {@code gpt-fake}, created at 1700000000, zero usage. */
  public static ResponsesScript create() {
    return new ResponsesScript(
        "resp_fake", "gpt-fake", 1_700_000_000L, List.of(), new Usage(0, 0, 0, 0), new Completed());
  }

  public ResponsesScript id(String responseId) {
    Objects.requireNonNull(responseId, "responseId");
    return new ResponsesScript(responseId, model, createdAt, items, usage, ending);
  }

  public ResponsesScript model(String model) {
    return new ResponsesScript(id, Objects.requireNonNull(model, "model"), createdAt, items, usage, ending);
  }

  /** Adds an assistant {@code message} item whose text streams as the given deltas, one event each. */
  public ResponsesScript text(String... deltas) {
    if (deltas.length == 0) throw new IllegalArgumentException("text needs at least one delta");
    return with(new Message(List.of(deltas)));
  }

  /** Adds a {@code function_call} item; {@code argumentsJson} is sent as the arguments string. */
  public ResponsesScript functionCall(String callId, String name, String argumentsJson) {
    return with(new FunctionCall(
        Objects.requireNonNull(callId, "callId"),
        Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(argumentsJson, "argumentsJson")));
  }

  /**
   * Adds a {@code reasoning} item with {@code encrypted_content} (left out when null, as without
   * {@code include: ["reasoning.encrypted_content"]}) and one {@code summary_text} part per summary string.
   */
  public ResponsesScript reasoning(String encryptedContent, String... summaryParts) {
    return with(new Reasoning(encryptedContent, List.of(summaryParts)));
  }

  /** Adds a {@code compaction} item ({@code cmp_…}) carrying {@code encryptedContent}. */
  public ResponsesScript compaction(String encryptedContent) {
    return with(new Compaction(Objects.requireNonNull(encryptedContent, "encryptedContent")));
  }

  /**
   * Adds a user {@code message} item with an {@code input_text} part, as the compaction endpoint returns for
   * the user turns it keeps. Only {@link #compactJson()} accepts it.
   */
  public ResponsesScript userMessage(String text) {
    return with(new UserMessage(Objects.requireNonNull(text, "text")));
  }

  /** Sets {@code usage}; {@code total_tokens} is input plus output. */
  public ResponsesScript usage(long inputTokens, long cachedTokens, long outputTokens, long reasoningTokens) {
    return new ResponsesScript(
        id, model, createdAt, items, new Usage(inputTokens, cachedTokens, outputTokens, reasoningTokens), ending);
  }

  /** Ends with status {@code incomplete} and {@code incomplete_details.reason}, e.g. {@code max_output_tokens}. */
  public ResponsesScript incomplete(String reason) {
    return new ResponsesScript(
        id, model, createdAt, items, usage, new Incomplete(Objects.requireNonNull(reason, "reason")));
  }

  /**
   * Ends with status {@code failed} and {@code error: {code, message}}: the stream's last event is
   * {@code response.failed} (after an HTTP 200), e.g. {@code failed("server_error", "…")}.
   */
  public ResponsesScript failed(String code, String message) {
    Failed failed = new Failed(Objects.requireNonNull(code, "code"), Objects.requireNonNull(message, "message"));
    return new ResponsesScript(id, model, createdAt, items, usage, failed);
  }

  /** {@return the answer as an SSE stream, for a request with {@code "stream": true}} */
  public FakeResponse streaming() {
    rejectUserMessages("streaming()");
    Sse sse = new Sse();
    Json inProgress = responseObject("in_progress", List.of(), Json.NULL);
    sse.emit("response.created", Map.of("response", inProgress));
    sse.emit("response.in_progress", Map.of("response", inProgress));
    List<Json> output = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) {
      Item item = items.get(index);
      String itemId = itemId(item, index);
      Json outputIndex = Json.of(index);
      Json done = outputItem(item, index);
      switch (item) {
        case Message m -> {
          sse.emit("response.output_item.added", Map.of(
              "item", messageItem(itemId, "in_progress", List.of()), "output_index", outputIndex));
          Json.Obj emptyPart = outputText("");
          sse.emit("response.content_part.added", Map.of(
              "content_index", Json.of(0), "item_id", Json.of(itemId), "output_index", outputIndex,
              "part", emptyPart));
          for (String delta : m.deltas()) {
            sse.emit("response.output_text.delta", Map.of(
                "content_index", Json.of(0), "delta", Json.of(delta), "item_id", Json.of(itemId),
                "logprobs", Json.Arr.of(), "output_index", outputIndex));
          }
          sse.emit("response.output_text.done", Map.of(
              "content_index", Json.of(0), "item_id", Json.of(itemId), "logprobs", Json.Arr.of(),
              "output_index", outputIndex, "text", Json.of(m.text())));
          sse.emit("response.content_part.done", Map.of(
              "content_index", Json.of(0), "item_id", Json.of(itemId), "output_index", outputIndex,
              "part", outputText(m.text())));
        }
        case FunctionCall f -> {
          sse.emit("response.output_item.added", Map.of(
              "item", functionCallItem(itemId, "in_progress", f.callId(), f.name(), ""),
              "output_index", outputIndex));
          for (String fragment : Fragments.split(f.arguments())) {
            sse.emit("response.function_call_arguments.delta", Map.of(
                "delta", Json.of(fragment), "item_id", Json.of(itemId), "output_index", outputIndex));
          }
          sse.emit("response.function_call_arguments.done", Map.of(
              "arguments", Json.of(f.arguments()), "item_id", Json.of(itemId), "output_index", outputIndex));
        }
        case Reasoning r -> {
          sse.emit("response.output_item.added", Map.of(
              "item", reasoningItem(itemId, r.encryptedContent(), List.of()), "output_index", outputIndex));
          for (int part = 0; part < r.summary().size(); part++) {
            String text = r.summary().get(part);
            Json summaryIndex = Json.of(part);
            sse.emit("response.reasoning_summary_part.added", Map.of(
                "item_id", Json.of(itemId), "output_index", outputIndex, "part", summaryText(""),
                "summary_index", summaryIndex));
            sse.emit("response.reasoning_summary_text.delta", Map.of(
                "delta", Json.of(text), "item_id", Json.of(itemId), "output_index", outputIndex,
                "summary_index", summaryIndex));
            sse.emit("response.reasoning_summary_text.done", Map.of(
                "item_id", Json.of(itemId), "output_index", outputIndex, "summary_index", summaryIndex,
                "text", Json.of(text)));
            sse.emit("response.reasoning_summary_part.done", Map.of(
                "item_id", Json.of(itemId), "output_index", outputIndex, "part", summaryText(text),
                "summary_index", summaryIndex));
          }
        }
        case Compaction c ->
            sse.emit("response.output_item.added", Map.of("item", done, "output_index", outputIndex));
        case UserMessage u -> throw new AssertionError("rejected above");
      }
      sse.emit("response.output_item.done", Map.of("item", done, "output_index", outputIndex));
      output.add(done);
    }
    String terminal = switch (ending) {
      case Completed c -> "response.completed";
      case Incomplete i -> "response.incomplete";
      case Failed f -> "response.failed";
    };
    sse.emit(terminal, Map.of("response", finalResponse(output)));
    return FakeResponse.sseEvents(sse.events);
  }

  /** {@return the answer as the JSON body of a non-streaming request} */
  public FakeResponse json() {
    rejectUserMessages("json()");
    List<Json> output = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) output.add(outputItem(items.get(index), index));
    return FakeResponse.json(WireJson.write(finalResponse(output)));
  }

  /**
   * {@return the body of {@code POST /v1/responses/compact}: {@code object: "response.compaction"}, the
   * items as {@code output} and the usage} Typically {@link #userMessage}s followed by a {@link #compaction}.
   */
  public FakeResponse compactJson() {
    List<Json> output = new ArrayList<>();
    for (int index = 0; index < items.size(); index++) output.add(outputItem(items.get(index), index));
    Json.Obj body = Json.Obj.builder()
        .put("id", id)
        .put("object", "response.compaction")
        .put("created_at", createdAt)
        .putArray("output", output)
        .put("usage", usageObject())
        .build();
    return FakeResponse.json(WireJson.write(body));
  }

  private ResponsesScript with(Item item) {
    List<Item> copy = new ArrayList<>(items);
    copy.add(item);
    return new ResponsesScript(id, model, createdAt, copy, usage, ending);
  }

  private void rejectUserMessages(String method) {
    if (items.stream().anyMatch(i -> i instanceof UserMessage)) {
      throw new IllegalStateException(method + " cannot render userMessage items; only compactJson() returns them");
    }
  }

  private Json finalResponse(List<Json> output) {
    return switch (ending) {
      case Completed c -> responseObject("completed", output, usageObject());
      case Incomplete i -> responseObject("incomplete", output, usageObject());
      case Failed f -> responseObject("failed", output, Json.NULL);
    };
  }

  private Json.Obj responseObject(String status, List<Json> output, Json usageJson) {
    Json error = ending instanceof Failed f && status.equals("failed")
        ? Json.Obj.builder().put("code", f.code()).put("message", f.message()).build()
        : Json.NULL;
    Json incompleteDetails = ending instanceof Incomplete i && status.equals("incomplete")
        ? Json.Obj.builder().put("reason", i.reason()).build()
        : Json.NULL;
    Json completedAt = status.equals("completed") ? Json.of(createdAt) : Json.NULL;
    return Json.Obj.builder()
        .put("id", id)
        .put("object", "response")
        .put("created_at", createdAt)
        .put("status", status)
        .put("background", false)
        .put("completed_at", completedAt)
        .put("error", error)
        .put("frequency_penalty", WireJson.decimal("0.0"))
        .put("incomplete_details", incompleteDetails)
        .put("instructions", Json.NULL)
        .put("max_output_tokens", Json.NULL)
        .put("max_tool_calls", Json.NULL)
        .put("model", model)
        .putArray("output", output)
        .put("parallel_tool_calls", true)
        .put("presence_penalty", WireJson.decimal("0.0"))
        .put("previous_response_id", Json.NULL)
        .put("prompt_cache_key", Json.NULL)
        .put("prompt_cache_retention", Json.NULL)
        .put("reasoning", Json.Obj.builder().put("effort", Json.NULL).put("summary", Json.NULL).build())
        .put("safety_identifier", Json.NULL)
        .put("service_tier", "default")
        .put("store", true)
        .put("temperature", WireJson.decimal("1.0"))
        .put("text", Json.Obj.builder()
            .put("format", Json.Obj.builder().put("type", "text").build())
            .put("verbosity", "medium")
            .build())
        .put("tool_choice", "auto")
        .put("tools", Json.Arr.of())
        .put("top_logprobs", 0)
        .put("top_p", WireJson.decimal("1.0"))
        .put("truncation", "disabled")
        .put("usage", usageJson)
        .put("user", Json.NULL)
        .put("metadata", Json.Obj.EMPTY)
        .build();
  }

  private Json.Obj usageObject() {
    return Json.Obj.builder()
        .put("input_tokens", usage.input())
        .put("input_tokens_details", Json.Obj.builder().put("cached_tokens", usage.cached()).build())
        .put("output_tokens", usage.output())
        .put("output_tokens_details", Json.Obj.builder().put("reasoning_tokens", usage.reasoning()).build())
        .put("total_tokens", usage.input() + usage.output())
        .build();
  }

  /** The item as {@code response.output_item.done} and the final {@code output} show it. */
  private Json outputItem(Item item, int index) {
    String itemId = itemId(item, index);
    boolean lastOfIncomplete = ending instanceof Incomplete && index == items.size() - 1;
    return switch (item) {
      case Message m ->
          messageItem(itemId, lastOfIncomplete ? "incomplete" : "completed", List.of(outputText(m.text())));
      case FunctionCall f -> functionCallItem(itemId, "completed", f.callId(), f.name(), f.arguments());
      case Reasoning r -> reasoningItem(
          itemId, r.encryptedContent(), r.summary().stream().map(s -> (Json) summaryText(s)).toList());
      case Compaction c -> Json.Obj.builder()
          .put("id", itemId)
          .put("type", "compaction")
          .put("encrypted_content", c.encryptedContent())
          .build();
      case UserMessage u -> Json.Obj.builder()
          .put("id", itemId)
          .put("type", "message")
          .put("status", "completed")
          .putArray("content", List.of(Json.Obj.builder().put("type", "input_text").put("text", u.text()).build()))
          .put("role", "user")
          .build();
    };
  }

  private String itemId(Item item, int index) {
    String prefix = switch (item) {
      case Message m -> "msg";
      case UserMessage u -> "msg";
      case FunctionCall f -> "fc";
      case Reasoning r -> "rs";
      case Compaction c -> "cmp";
    };
    String base = id.startsWith("resp_") ? id.substring("resp_".length()) : id;
    return prefix + "_" + base + "_" + index;
  }

  private static Json.Obj messageItem(String itemId, String status, List<Json> content) {
    return Json.Obj.builder()
        .put("id", itemId)
        .put("type", "message")
        .put("status", status)
        .putArray("content", content)
        .put("role", "assistant")
        .build();
  }

  private static Json.Obj functionCallItem(
      String itemId, String status, String callId, String name, String arguments) {
    return Json.Obj.builder()
        .put("id", itemId)
        .put("type", "function_call")
        .put("status", status)
        .put("arguments", arguments)
        .put("call_id", callId)
        .put("name", name)
        .build();
  }

  private static Json.Obj reasoningItem(String itemId, String encryptedContent, List<Json> summary) {
    return Json.Obj.builder()
        .put("id", itemId)
        .put("type", "reasoning")
        .put("encrypted_content", encryptedContent)
        .putArray("summary", summary)
        .build();
  }

  private static Json.Obj outputText(String text) {
    return Json.Obj.builder()
        .put("type", "output_text")
        .put("annotations", Json.Arr.of())
        .put("logprobs", Json.Arr.of())
        .put("text", text)
        .build();
  }

  private static Json.Obj summaryText(String text) {
    return Json.Obj.builder().put("type", "summary_text").put("text", text).build();
  }

  /** Collects events, numbering them; keys after {@code type} are written in alphabetical order. */
  private static final class Sse {
    final List<byte[]> events = new ArrayList<>();
    private long sequence;

    void emit(String type, Map<String, Json> fields) {
      TreeMap<String, Json> sorted = new TreeMap<>(fields);
      sorted.put("sequence_number", Json.of(sequence++));
      Json.Obj.Builder data = Json.Obj.builder().put("type", type);
      sorted.forEach(data::put);
      events.add(Fragments.event(type, data.build()));
    }
  }
}
