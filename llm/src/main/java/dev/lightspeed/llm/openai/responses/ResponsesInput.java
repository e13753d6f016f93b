package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders context entries as the Responses {@code instructions} text and {@code input} items, following
 * {@code docs/LLM-ADAPTERS.md}: instruction and catalog entries form the system prompt; stored
 * {@code openai:responses:*} items are spliced in byte for byte (except reasoning items that carry neither
 * encrypted content nor reasoning text, which are left out); text, image and PDF messages become message
 * items; tool results become {@code function_call_output} (or {@code custom_tool_call_output}); text
 * compaction summaries become user messages. Stateless.
 */
final class ResponsesInput {
  private static final System.Logger LOG = System.getLogger(ResponsesInput.class.getName());
  private static final String REASONING = ResponsesOutputItems.KIND_PREFIX + "reasoning";
  private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

  private ResponsesInput() {}

  /** {@return the system prompt: instruction and catalog entries in request order, joined by a blank line, or null} */
  static String instructions(List<ContextEntry> context, ProviderCall call) {
    List<String> parts = new ArrayList<>();
    for (ContextEntry e : context) {
      if (isSystemPrompt(e.kind())) parts.add(text(e.item(), call));
    }
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  /**
   * Writes the {@code input} array.
   *
   * @throws ProviderException (terminal, {@code UNSUPPORTED}) when a message has a media type this API cannot
   *     take
   */
  static void write(JsonGenerator g, List<ContextEntry> context, ProviderCall call) throws IOException, ProviderException {
    Map<String, String> callKinds = new HashMap<>();
    g.writeArrayFieldStart("input");
    for (ContextEntry e : context) {
      ContextItem item = e.item();
      if (isSystemPrompt(item.kind())) continue;
      if (item.kind() == EntryKind.TOOL_CALL && item.callId() != null && item.providerKind() != null) {
        callKinds.put(item.callId(), item.providerKind());
      }
      if (isStoredItem(item)) {
        String raw = new String(call.read(item.content()), StandardCharsets.UTF_8);
        if (REASONING.equals(item.providerKind()) && !replayableReasoning(raw)) {
          LOG.log(System.Logger.Level.DEBUG, "context entry {0} is a reasoning item without encrypted_content or reasoning text; "
              + "left out, as with store:false the provider cannot look it up by id", e.id());
          continue;
        }
        g.writeRawValue(raw);
        continue;
      }
      if (item.providerKind() != null && item.kind() != EntryKind.TOOL_RESULT && baseType(item.mediaType()).equals("application/json")) {
        LOG.log(System.Logger.Level.WARNING, "context entry {0} holds a {1} item, which openai:responses cannot replay; left out",
            e.id(), item.providerKind());
        continue;
      }
      switch (item.kind()) {
        case TOOL_RESULT -> toolResult(g, e, callKinds, call);
        case MESSAGE, SKILL_ACTIVATION, COMPACTION -> message(g, e, call);
        case TOOL_CALL, REASONING_STATE, PROVIDER_OPAQUE -> LOG.log(System.Logger.Level.WARNING,
            "context entry {0} ({1}) is not a stored openai:responses item; left out", e.id(), item.kind().wireName());
        case INSTRUCTIONS, SKILL_CATALOG, VFS_CATALOG -> throw new AssertionError("system prompt entries are written as instructions");
      }
    }
    g.writeEndArray();
  }

  private static void toolResult(JsonGenerator g, ContextEntry e, Map<String, String> callKinds, ProviderCall call) throws IOException {
    String callId = e.item().callId();
    if (callId == null) throw new IllegalStateException("tool result entry " + e.id() + " has no call id");
    boolean custom = ResponsesOutputItems.CUSTOM_TOOL_CALL.equals(callKinds.get(callId));
    g.writeStartObject();
    g.writeStringField("type", custom ? "custom_tool_call_output" : "function_call_output");
    g.writeStringField("call_id", callId);
    g.writeStringField("output", text(e.item(), call));
    g.writeEndObject();
  }

  private static void message(JsonGenerator g, ContextEntry e, ProviderCall call) throws IOException, ProviderException {
    ContextItem item = e.item();
    String mediaType = baseType(item.mediaType());
    if (mediaType.startsWith("text/") || mediaType.equals("application/json")) {
      String text = text(item, call);
      EntryRole role = item.kind() == EntryKind.MESSAGE ? item.role() : EntryRole.USER;
      g.writeStartObject();
      g.writeStringField("type", "message");
      g.writeStringField("role", wireRole(role));
      if (role == EntryRole.ASSISTANT) {
        // Assistant text that was not produced by this API (a context edit, another kind's history) has no
        // item id; the plain-string form is the one the API accepts for it.
        g.writeStringField("content", text);
      } else {
        g.writeArrayFieldStart("content");
        g.writeStartObject();
        g.writeStringField("type", "input_text");
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeEndObject();
      return;
    }
    String dataUrl = "data:" + mediaType + ";base64,";
    g.writeStartObject();
    g.writeStringField("type", "message");
    g.writeStringField("role", "user");
    g.writeArrayFieldStart("content");
    g.writeStartObject();
    if (IMAGE_TYPES.contains(mediaType)) {
      g.writeStringField("type", "input_image");
      g.writeStringField("image_url", dataUrl + Base64.getEncoder().encodeToString(call.read(item.content())));
      g.writeStringField("detail", "auto");
    } else if (mediaType.equals("application/pdf")) {
      g.writeStringField("type", "input_file");
      g.writeStringField("filename", "document.pdf");
      g.writeStringField("file_data", dataUrl + Base64.getEncoder().encodeToString(call.read(item.content())));
    } else {
      throw new ProviderException(new ProviderError.Terminal(call.provider().id(), ProviderError.Terminal.Kind.UNSUPPORTED, 0, "",
          "context entry " + e.id() + " is a " + item.mediaType() + " message, which openai:responses cannot send "
              + "(supported: text/*, image/png, image/jpeg, image/webp, image/gif, application/pdf)"));
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String wireRole(EntryRole role) {
    return switch (role) {
      case ASSISTANT -> "assistant";
      case SYSTEM -> "system";
      case DEVELOPER -> "developer";
      case USER, NONE -> "user";
    };
  }

  /**
   * {@return whether a stored reasoning item can be sent back}: it carries its {@code encrypted_content}, or
   * (from a compatible server that returns the reasoning itself) a {@code content} array. Without either the
   * item is only an id, which OpenAI resolves against stored responses and, under {@code store:false},
   * answers with 404. A malformed item is sent as it is, for the provider to judge.
   */
  private static boolean replayableReasoning(String raw) {
    try {
      return RawJson.member(raw, "encrypted_content").filter(v -> v.startsWith("\"") && v.length() > 2).isPresent()
          || RawJson.member(raw, "content").filter(v -> v.startsWith("[") && !v.replaceAll("\\s", "").equals("[]")).isPresent();
    } catch (IllegalArgumentException malformed) {
      return true;
    }
  }

  /** {@return whether the entry is an item this API produced, stored verbatim} */
  private static boolean isStoredItem(ContextItem item) {
    return item.providerKind() != null && item.providerKind().startsWith(ResponsesOutputItems.KIND_PREFIX)
        && baseType(item.mediaType()).equals("application/json");
  }

  private static boolean isSystemPrompt(EntryKind kind) {
    return kind == EntryKind.INSTRUCTIONS || kind == EntryKind.SKILL_CATALOG || kind == EntryKind.VFS_CATALOG;
  }

  private static String text(ContextItem item, ProviderCall call) {
    return new String(call.read(item.content()), StandardCharsets.UTF_8);
  }

  /** {@return the media type without parameters, lower case} */
  private static String baseType(String mediaType) {
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }
}
