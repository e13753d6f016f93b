package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A scripted Anthropic Messages answer ({@code POST /v1/messages}), rendered in the real wire format as a
 * stream ({@link #streaming()}) or a JSON body ({@link #json()}). Immutable: each method returns a new
 * script. Content blocks appear in the order they were added.
 *
 * <p>The stream follows the recordings ({@code anthropic-messages/text-stream.sse},
 * {@code tool-use-stream.turn1.sse}, {@code thinking-stream.sse}, {@code redacted-thinking-stream.sse},
 * {@code compaction-stream.sse}): {@code message_start} (empty content, first usage), then per block
 * {@code content_block_start}, its {@code content_block_delta}s and {@code content_block_stop}, with one
 * {@code ping} right after the first {@code content_block_start}; then {@code message_delta} (stop reason,
 * cumulative usage) and {@code message_stop}. Deltas: {@code text_delta} per given delta;
 * {@code input_json_delta} with an empty {@code partial_json} first, then fragments of up to 8 characters;
 * {@code thinking_delta} fragments of up to 8 characters, then one {@code signature_delta};
 * {@code redacted_thinking} arrives whole in {@code content_block_start}; {@code compaction} starts with
 * {@code content: null} and sends one {@code compaction_delta}; a provider-run MCP call
 * ({@code mcp_tool_use}) streams its input like {@code tool_use}, and its {@code mcp_tool_result} arrives whole
 * in {@code content_block_start}. Event JSON is compact: the padding spaces
 * real streams put before the final brace are not reproduced (the fixtures have them).
 */
public final class AnthropicScript {
  private sealed interface Block {}

  private record Text(List<String> deltas) implements Block {
    Text {
      deltas = List.copyOf(deltas);
    }
  }

  private record ToolUse(String id, String name, String inputJson, Json input) implements Block {}

  private record Thinking(String thinking, String signature) implements Block {}

  private record RedactedThinking(String data) implements Block {}

  private record Compaction(String summary, String encryptedContent) implements Block {}

  private record McpToolUse(String id, String serverName, String name, String inputJson, Json input) implements Block {}

  private record McpToolResult(String toolUseId, boolean isError, String text) implements Block {}

  private record StreamError(String type, String message) {}

  private record Usage(long input, long output, long cacheRead, long cacheCreation) {}

  private final String id;
  private final String model;
  private final List<Block> blocks;
  private final String stopReason;
  private final Usage usage;
  private final StreamError streamError;

  private AnthropicScript(
      String id, String model, List<Block> blocks, String stopReason, Usage usage, StreamError streamError) {
    this.id = id;
    this.model = model;
    this.blocks = List.copyOf(blocks);
    this.stopReason = stopReason;
    this.usage = usage;
    this.streamError = streamError;
  }

  /**
   * An empty script: id {@code msg_fake}, model {@code claude-fake}, zero usage, stop reason {@code tool_use}
   * when there is a tool use block and {@code end_turn} otherwise.
   */
  public static AnthropicScript create() {
    return new AnthropicScript("msg_fake", "claude-fake", List.of(), null, new Usage(0, 0, 0, 0), null);
  }

  public AnthropicScript id(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    return new AnthropicScript(messageId, model, blocks, stopReason, usage, streamError);
  }

  public AnthropicScript model(String model) {
    return new AnthropicScript(id, Objects.requireNonNull(model, "model"), blocks, stopReason, usage, streamError);
  }

  /** Adds a {@code text} block that streams as the given deltas, one {@code text_delta} each. */
  public AnthropicScript text(String... deltas) {
    if (deltas.length == 0) throw new IllegalArgumentException("text needs at least one delta");
    return with(new Text(List.of(deltas)));
  }

  /**
   * Adds a {@code tool_use} block.
   *
   * @throws IllegalArgumentException when {@code inputJson} is not a JSON object
   */
  public AnthropicScript toolUse(String toolUseId, String name, String inputJson) {
    Json input = object(inputJson);
    return with(new ToolUse(
        Objects.requireNonNull(toolUseId, "toolUseId"), Objects.requireNonNull(name, "name"), inputJson, input));
  }

  private static Json object(String inputJson) {
    Objects.requireNonNull(inputJson, "inputJson");
    Json input;
    try {
      input = CanonicalJson.parse(inputJson);
    } catch (JsonSyntaxException e) {
      throw new IllegalArgumentException("tool input is not JSON: " + inputJson, e);
    }
    if (!(input instanceof Json.Obj)) {
      throw new IllegalArgumentException("tool input must be a JSON object: " + inputJson);
    }
    return input;
  }

  /**
   * Adds an {@code mcp_tool_use} block: the provider calling tool {@code name} of the MCP server it knows as
   * {@code serverName} (its {@code mcp_servers} name). It does not make the stop reason {@code tool_use}.
   *
   * @throws IllegalArgumentException when {@code inputJson} is not a JSON object
   */
  public AnthropicScript mcpToolUse(String toolUseId, String serverName, String name, String inputJson) {
    return with(new McpToolUse(Objects.requireNonNull(toolUseId, "toolUseId"), Objects.requireNonNull(serverName, "serverName"),
        Objects.requireNonNull(name, "name"), inputJson, object(inputJson)));
  }

  /** Adds an {@code mcp_tool_result} block answering {@code toolUseId} with one text content block. */
  public AnthropicScript mcpToolResult(String toolUseId, boolean isError, String text) {
    return with(new McpToolResult(Objects.requireNonNull(toolUseId, "toolUseId"), isError, Objects.requireNonNull(text, "text")));
  }

  /** Adds a {@code thinking} block with its {@code signature}. */
  public AnthropicScript thinking(String thinking, String signature) {
    Objects.requireNonNull(thinking, "thinking");
    return with(new Thinking(thinking, Objects.requireNonNull(signature, "signature")));
  }

  /** Adds a {@code redacted_thinking} block with opaque {@code data}. */
  public AnthropicScript redactedThinking(String data) {
    return with(new RedactedThinking(Objects.requireNonNull(data, "data")));
  }

  /** Adds a {@code compaction} block whose {@code content} is the plain-text summary. */
  public AnthropicScript compaction(String summary) {
    return with(new Compaction(Objects.requireNonNull(summary, "summary"), null));
  }

  /** Adds a {@code compaction} block that also carries {@code encrypted_content}. */
  public AnthropicScript compaction(String summary, String encryptedContent) {
    return with(new Compaction(
        Objects.requireNonNull(summary, "summary"), Objects.requireNonNull(encryptedContent, "encryptedContent")));
  }

  /** Overrides {@code stop_reason}, e.g. {@code max_tokens}, {@code stop_sequence}, {@code compaction}. */
  public AnthropicScript stopReason(String stopReason) {
    Objects.requireNonNull(stopReason, "stopReason");
    return new AnthropicScript(id, model, blocks, stopReason, usage, streamError);
  }

  /**
   * Sets {@code usage}: {@code input_tokens}, {@code output_tokens}, {@code cache_read_input_tokens} and
   * {@code cache_creation_input_tokens} (also reported as {@code cache_creation.ephemeral_5m_input_tokens}).
   */
  public AnthropicScript usage(
      long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens) {
    return new AnthropicScript(
        id, model, blocks, stopReason,
        new Usage(inputTokens, outputTokens, cacheReadInputTokens, cacheCreationInputTokens), streamError);
  }

  /**
   * Makes the stream fail after an HTTP 200: after the blocks it sends
   * {@code event: error} with {@code {"type":"error","error":{"type":errorType,"message":message}}} instead of
   * {@code message_delta} and {@code message_stop}, e.g. {@code streamError("overloaded_error", "Overloaded")}.
   * Such a script has no {@link #json()} form; use {@link AnthropicErrors} for HTTP errors.
   */
  public AnthropicScript streamError(String errorType, String message) {
    return new AnthropicScript(
        id, model, blocks, stopReason, usage,
        new StreamError(Objects.requireNonNull(errorType, "errorType"), Objects.requireNonNull(message, "message")));
  }

  /** {@return the answer as an SSE stream, for a request with {@code "stream": true}} */
  public FakeResponse streaming() {
    List<byte[]> events = new ArrayList<>();
    Json.Obj startMessage = Json.Obj.builder()
        .put("model", model)
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .put("content", Json.Arr.of())
        .put("stop_reason", Json.NULL)
        .put("stop_sequence", Json.NULL)
        .put("stop_details", Json.NULL)
        .put("usage", Json.Obj.builder()
            .put("input_tokens", usage.input())
            .put("cache_creation_input_tokens", usage.cacheCreation())
            .put("cache_read_input_tokens", usage.cacheRead())
            .put("cache_creation", cacheCreation())
            .put("output_tokens", Math.min(1, usage.output()))
            .put("service_tier", "standard")
            .build())
        .build();
    events.add(Fragments.event("message_start", typed("message_start").put("message", startMessage).build()));
    if (blocks.isEmpty()) events.add(ping());
    for (int index = 0; index < blocks.size(); index++) {
      Block block = blocks.get(index);
      events.add(Fragments.event("content_block_start", typed("content_block_start")
          .put("index", index)
          .put("content_block", startBlock(block))
          .build()));
      if (index == 0) events.add(ping());
      for (Json.Obj delta : deltas(block)) {
        events.add(Fragments.event("content_block_delta", typed("content_block_delta")
            .put("index", index)
            .put("delta", delta)
            .build()));
      }
      events.add(Fragments.event("content_block_stop", typed("content_block_stop").put("index", index).build()));
    }
    if (streamError != null) {
      Json.Obj error =
          Json.Obj.builder().put("type", streamError.type()).put("message", streamError.message()).build();
      events.add(Fragments.event("error", typed("error").put("error", error).build()));
      return FakeResponse.sseEvents(events);
    }
    events.add(Fragments.event("message_delta", typed("message_delta")
        .put("delta", Json.Obj.builder()
            .put("stop_reason", stopReason())
            .put("stop_sequence", Json.NULL)
            .put("stop_details", Json.NULL)
            .build())
        .put("usage", Json.Obj.builder()
            .put("input_tokens", usage.input())
            .put("cache_creation_input_tokens", usage.cacheCreation())
            .put("cache_read_input_tokens", usage.cacheRead())
            .put("output_tokens", usage.output())
            .build())
        .build()));
    events.add(Fragments.event("message_stop", typed("message_stop").build()));
    return FakeResponse.sseEvents(events);
  }

  /**
   * {@return the answer as the JSON body of a non-streaming request}
   *
   * @throws IllegalStateException when the script has a {@link #streamError}
   */
  public FakeResponse json() {
    if (streamError != null) {
      throw new IllegalStateException("a stream error has no JSON form; use AnthropicErrors for an HTTP error");
    }
    List<Json> content = new ArrayList<>();
    for (Block block : blocks) content.add(fullBlock(block));
    Json.Obj.Builder body = Json.Obj.builder()
        .put("model", model)
        .put("id", id)
        .put("type", "message")
        .put("role", "assistant")
        .putArray("content", content);
    if (blocks.stream().anyMatch(b -> b instanceof Compaction)) {
      body.put("context_management", Json.Obj.builder().put("applied_edits", Json.Arr.of()).build());
    }
    body.put("stop_reason", stopReason())
        .put("stop_sequence", Json.NULL)
        .put("stop_details", Json.NULL)
        .put("usage", Json.Obj.builder()
            .put("input_tokens", usage.input())
            .put("cache_creation_input_tokens", usage.cacheCreation())
            .put("cache_read_input_tokens", usage.cacheRead())
            .put("cache_creation", cacheCreation())
            .put("output_tokens", usage.output())
            .put("service_tier", "standard")
            .build());
    return FakeResponse.json(WireJson.write(body.build()));
  }

  private AnthropicScript with(Block block) {
    List<Block> copy = new ArrayList<>(blocks);
    copy.add(block);
    return new AnthropicScript(id, model, copy, stopReason, usage, streamError);
  }

  private String stopReason() {
    if (stopReason != null) return stopReason;
    return blocks.stream().anyMatch(b -> b instanceof ToolUse) ? "tool_use" : "end_turn";
  }

  private Json.Obj cacheCreation() {
    return Json.Obj.builder()
        .put("ephemeral_5m_input_tokens", usage.cacheCreation())
        .put("ephemeral_1h_input_tokens", 0)
        .build();
  }

  private static Json.Obj.Builder typed(String type) {
    return Json.Obj.builder().put("type", type);
  }

  /** The real streams write ping with spaces: {@code {"type": "ping"}}. */
  private static byte[] ping() {
    return "event: ping\ndata: {\"type\": \"ping\"}\n\n".getBytes(StandardCharsets.UTF_8);
  }

  private static Json.Obj startBlock(Block block) {
    return switch (block) {
      case Text t -> typed("text").put("text", "").build();
      case ToolUse u ->
          typed("tool_use").put("id", u.id()).put("name", u.name()).put("input", Json.Obj.EMPTY).build();
      case Thinking t -> typed("thinking").put("thinking", "").put("signature", "").build();
      case RedactedThinking r -> typed("redacted_thinking").put("data", r.data()).build();
      case Compaction c -> {
        Json.Obj.Builder start = typed("compaction").put("content", Json.NULL);
        if (c.encryptedContent() != null) start.put("encrypted_content", Json.NULL);
        yield start.build();
      }
      case McpToolUse u -> typed("mcp_tool_use").put("id", u.id()).put("name", u.name()).put("server_name", u.serverName())
          .put("input", Json.Obj.EMPTY).build();
      case McpToolResult r -> mcpToolResult(r);
    };
  }

  private static Json.Obj mcpToolResult(McpToolResult r) {
    return typed("mcp_tool_result").put("tool_use_id", r.toolUseId()).put("is_error", r.isError())
        .put("content", Json.Arr.of(typed("text").put("text", r.text()).build())).build();
  }

  private static List<Json.Obj> deltas(Block block) {
    List<Json.Obj> deltas = new ArrayList<>();
    switch (block) {
      case Text t -> {
        for (String delta : t.deltas()) deltas.add(typed("text_delta").put("text", delta).build());
      }
      case ToolUse u -> {
        deltas.add(typed("input_json_delta").put("partial_json", "").build());
        for (String fragment : Fragments.split(u.inputJson())) {
          deltas.add(typed("input_json_delta").put("partial_json", fragment).build());
        }
      }
      case Thinking t -> {
        for (String fragment : Fragments.split(t.thinking())) {
          deltas.add(typed("thinking_delta").put("thinking", fragment).build());
        }
        deltas.add(typed("signature_delta").put("signature", t.signature()).build());
      }
      case RedactedThinking r -> {
        // arrives whole in content_block_start
      }
      case McpToolUse u -> {
        deltas.add(typed("input_json_delta").put("partial_json", "").build());
        for (String fragment : Fragments.split(u.inputJson())) {
          deltas.add(typed("input_json_delta").put("partial_json", fragment).build());
        }
      }
      case McpToolResult r -> {
        // arrives whole in content_block_start
      }
      case Compaction c -> deltas.add(typed("compaction_delta")
          .put("content", c.summary())
          .put("encrypted_content", c.encryptedContent())
          .build());
    }
    return deltas;
  }

  private static Json.Obj fullBlock(Block block) {
    return switch (block) {
      case Text t -> typed("text").put("text", String.join("", t.deltas())).build();
      case ToolUse u -> typed("tool_use").put("id", u.id()).put("name", u.name()).put("input", u.input()).build();
      case Thinking t -> typed("thinking").put("thinking", t.thinking()).put("signature", t.signature()).build();
      case RedactedThinking r -> typed("redacted_thinking").put("data", r.data()).build();
      case Compaction c -> typed("compaction")
          .put("content", c.summary())
          .put("encrypted_content", c.encryptedContent())
          .build();
      case McpToolUse u -> typed("mcp_tool_use").put("id", u.id()).put("name", u.name()).put("server_name", u.serverName())
          .put("input", u.input()).build();
      case McpToolResult r -> mcpToolResult(r);
    };
  }
}
