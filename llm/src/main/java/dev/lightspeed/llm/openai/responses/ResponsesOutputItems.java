package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.llm.ProviderCall;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Turns one Responses output item, as the provider sent it, into a context item: the item's exact bytes
 * become the content blob ({@code application/json}, {@code providerKind} {@code openai:responses:<type>}),
 * and function or custom tool calls also yield a {@link ToolCall}. Unknown item types are kept as
 * {@link EntryKind#PROVIDER_OPAQUE} with a warning, never dropped.
 */
final class ResponsesOutputItems {
  static final String API_KIND = "openai:responses";
  static final String KIND_PREFIX = API_KIND + ":";
  static final String CUSTOM_TOOL_CALL = KIND_PREFIX + "custom_tool_call";

  private static final System.Logger LOG = System.getLogger(ResponsesOutputItems.class.getName());

  /** Item types the API documents that the engine does not act on: kept and replayed as opaque items. */
  private static final Set<String> KNOWN_OPAQUE = Set.of(
      "web_search_call", "file_search_call", "code_interpreter_call", "image_generation_call", "computer_call",
      "local_shell_call", "shell_call", "shell_call_output", "apply_patch_call", "apply_patch_call_output",
      "mcp_call", "mcp_list_tools", "mcp_approval_request", "tool_search_call", "tool_search_output");

  private ResponsesOutputItems() {}

  /** One mapped output item; {@code toolCall} is null unless the item asks for a tool run. */
  record Mapped(ContextItem item, ToolCall toolCall) {}

  /**
   * Stores {@code raw} and maps it.
   *
   * @param raw the item's JSON text exactly as received
   * @param parsed {@code raw} already parsed, or null to parse it here
   * @throws IllegalArgumentException when {@code raw} is not a JSON object
   */
  static Mapped map(String raw, JsonNode parsed, ProviderCall call) {
    JsonNode item = parsed != null ? parsed : ResponsesJson.parse(raw);
    if (!item.isObject()) throw new IllegalArgumentException("output item is not a JSON object: " + ResponsesJson.preview(raw));
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    BlobRef content = call.put(bytes);
    String type = ResponsesJson.text(item, "type");
    String providerKind = KIND_PREFIX + (type.isEmpty() ? "unknown" : type);
    long bytesEstimate = Math.max(1, bytes.length / 4);
    return switch (type) {
      case "message" -> {
        String text = messageText(item);
        EntryRole role = role(ResponsesJson.text(item, "role"));
        yield new Mapped(item(EntryKind.MESSAGE, role, content, providerKind, ResponsesJson.preview(text), Math.max(1, text.length() / 4), null), null);
      }
      case "reasoning" -> {
        String summary = summaryText(item);
        yield new Mapped(item(EntryKind.REASONING_STATE, EntryRole.ASSISTANT, content, providerKind,
            summary.isEmpty() ? null : ResponsesJson.preview(summary), bytesEstimate, null), null);
      }
      case "function_call", "custom_tool_call" -> toolCall(item, type, content, providerKind, bytesEstimate, call);
      case "compaction" -> new Mapped(item(EntryKind.COMPACTION, EntryRole.ASSISTANT, content, providerKind, null, bytesEstimate, null), null);
      default -> {
        if (!KNOWN_OPAQUE.contains(type)) {
          LOG.log(System.Logger.Level.WARNING, "unknown OpenAI Responses output item type \"{0}\" (id {1}); kept as an opaque item",
              type, ResponsesJson.text(item, "id"));
        }
        yield new Mapped(item(EntryKind.PROVIDER_OPAQUE, EntryRole.ASSISTANT, content, providerKind, type, bytesEstimate, null), null);
      }
    };
  }

  private static Mapped toolCall(JsonNode item, String type, BlobRef content, String providerKind, long estimate, ProviderCall call) {
    String callId = ResponsesJson.text(item, "call_id");
    if (callId.isEmpty()) {
      callId = ResponsesJson.text(item, "id");
      LOG.log(System.Logger.Level.WARNING, "OpenAI Responses {0} item {1} has no call_id; using its item id", type, callId);
    }
    String name = ResponsesJson.text(item, "name");
    // The arguments blob is the provider's own text: a JSON string for function calls, free text for custom tools.
    String arguments = ResponsesJson.text(item, type.equals("custom_tool_call") ? "input" : "arguments");
    BlobRef args = call.put(arguments.getBytes(StandardCharsets.UTF_8));
    ContextItem ci = item(EntryKind.TOOL_CALL, EntryRole.ASSISTANT, content, providerKind, name, estimate, callId);
    return new Mapped(ci, new ToolCall(callId, name, args));
  }

  private static ContextItem item(EntryKind kind, EntryRole role, BlobRef content, String providerKind, String preview, long estimate, String callId) {
    return new ContextItem(null, kind, role, content, "application/json", providerKind, preview, estimate, callId, false);
  }

  private static EntryRole role(String wire) {
    return switch (wire) {
      case "user" -> EntryRole.USER;
      case "system" -> EntryRole.SYSTEM;
      case "developer" -> EntryRole.DEVELOPER;
      default -> EntryRole.ASSISTANT;
    };
  }

  /** {@return the text parts of a message item (output text, input text, refusals), concatenated} */
  static String messageText(JsonNode item) {
    StringBuilder text = new StringBuilder();
    JsonNode content = item.path("content");
    if (content.isTextual()) return content.asText();
    for (JsonNode part : content) {
      switch (ResponsesJson.text(part, "type")) {
        case "output_text", "input_text" -> text.append(ResponsesJson.text(part, "text"));
        case "refusal" -> text.append(ResponsesJson.text(part, "refusal"));
        default -> { }
      }
    }
    return text.toString();
  }

  private static String summaryText(JsonNode item) {
    StringBuilder text = new StringBuilder();
    for (JsonNode part : item.path("summary")) {
      if (!text.isEmpty()) text.append("\n\n");
      text.append(ResponsesJson.text(part, "text"));
    }
    return text.toString();
  }
}
