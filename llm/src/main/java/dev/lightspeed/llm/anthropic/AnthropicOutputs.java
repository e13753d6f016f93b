package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the content blocks of an answer into context items, one per block, each stored as the block's JSON
 * ({@code application/json}, {@code providerKind} {@code anthropic:messages:<type>}, role assistant):
 * {@code text} is an assistant {@code MESSAGE}; {@code thinking} and {@code redacted_thinking} are
 * {@code REASONING_STATE}; {@code tool_use} is a {@code TOOL_CALL} with {@code callId} = its {@code id} and
 * a {@link ToolCall} whose arguments blob is its {@code input} as it appears in the block; {@code compaction}
 * is {@code COMPACTION}; server-tool blocks are {@code PROVIDER_OPAQUE}, and so are unknown types, with a
 * warning. Stateless.
 */
final class AnthropicOutputs {
  private static final System.Logger LOG = System.getLogger(AnthropicOutputs.class.getName());
  private static final int PREVIEW_CHARS = 200;
  private static final Set<String> KNOWN_OPAQUE = Set.of("server_tool_use", "web_search_tool_result", "web_fetch_tool_result",
      "code_execution_tool_result", "bash_code_execution_tool_result", "text_editor_code_execution_tool_result",
      "tool_search_tool_result", "mcp_tool_use", "mcp_tool_result", "container_upload");

  /** The items in block order, and the tool calls among them in the same order. */
  record Outputs(List<ContextItem> items, List<ToolCall> calls) {
    Outputs {
      items = List.copyOf(items);
      calls = List.copyOf(calls);
    }
  }

  private AnthropicOutputs() {}

  static Outputs from(String provider, List<String> blocks, Function<byte[], BlobRef> put) {
    List<ContextItem> items = new ArrayList<>(blocks.size());
    List<ToolCall> calls = new ArrayList<>();
    for (String json : blocks) {
      JsonNode block;
      try {
        block = AnthropicJson.MAPPER.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException("a content block that was just parsed no longer parses", e);
      }
      String type = AnthropicJson.text(block, "type");
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      BlobRef ref = put.apply(bytes);
      String providerKind = AnthropicMessagesAdapter.API_KIND + ":" + type;
      long tokens = Math.max(1, bytes.length / 4);
      ContextItem item = switch (type) {
        case "text" -> item(EntryKind.MESSAGE, ref, providerKind, preview(AnthropicJson.text(block, "text")), tokens, null);
        case "thinking" -> item(EntryKind.REASONING_STATE, ref, providerKind, preview(AnthropicJson.text(block, "thinking")), tokens, null);
        case "redacted_thinking" -> item(EntryKind.REASONING_STATE, ref, providerKind, "(redacted thinking)", tokens, null);
        case "tool_use" -> {
          String id = AnthropicJson.text(block, "id");
          String name = AnthropicJson.text(block, "name");
          String input = RawJson.member(json, "input").orElse("{}");
          calls.add(new ToolCall(id, name, put.apply(input.getBytes(StandardCharsets.UTF_8))));
          yield item(EntryKind.TOOL_CALL, ref, providerKind, name, tokens, id);
        }
        case "compaction" -> item(EntryKind.COMPACTION, ref, providerKind, preview(AnthropicJson.text(block, "content")), tokens, null);
        default -> {
          if (!KNOWN_OPAQUE.contains(type)) {
            LOG.log(System.Logger.Level.WARNING, "{0}: unknown content block type \"{1}\"; kept as an opaque item", provider, type);
          }
          yield item(EntryKind.PROVIDER_OPAQUE, ref, providerKind, type, tokens, null);
        }
      };
      items.add(item);
    }
    return new Outputs(items, calls);
  }

  private static ContextItem item(EntryKind kind, BlobRef ref, String providerKind, String preview, long tokens, String callId) {
    return new ContextItem(null, kind, EntryRole.ASSISTANT, ref, "application/json", providerKind, preview, tokens, callId, false);
  }

  private static String preview(String text) {
    return AnthropicJson.abbreviate(text, PREVIEW_CHARS);
  }
}
