package dev.lightspeed.llm.openai.completions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders context entries as the {@code messages} array of a Chat Completions request:
 *
 * <ul>
 *   <li>instructions and catalogs become one leading {@code system} message, joined by a blank line;
 *   <li>user entries (text, images as base64 data URLs, PDFs as {@code file} parts), skill activations and
 *       text compaction summaries become user content; consecutive ones merge into one user message, whose
 *       content is a string when it is a single text and a parts array otherwise;
 *   <li>stored {@code openai:completions:*} items are spliced in byte for byte, except that assistant
 *       messages older than the last user message lose their reasoning text ({@code reasoning_content} or
 *       {@code reasoning}): servers that think between tool calls want it back only within the current tool
 *       loop;
 *   <li>tool results become {@code role: tool} messages; plain assistant, system and developer texts become
 *       messages of that role ({@code system} for developer, which every compatible server accepts).
 * </ul>
 *
 * Native items of other API kinds cannot be sent here and are skipped with a warning.
 */
final class ChatMessages {
  static final String KIND_PREFIX = OpenAiCompletionsAdapter.API_KIND + ":";

  private static final System.Logger LOG = System.getLogger(ChatMessages.class.getName());
  private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

  private final String provider;
  private final Function<BlobRef, byte[]> blobs;
  private final List<Part> pendingUser = new ArrayList<>();

  private ChatMessages(String provider, Function<BlobRef, byte[]> blobs) {
    this.provider = provider;
    this.blobs = blobs;
  }

  /**
   * Writes the messages of {@code context} as array elements into {@code g} (the caller opens and closes
   * the array).
   *
   * @param userTextFollows whether the caller appends a user message after these (a summarizing call), so
   *     no stored message belongs to the current tool loop
   * @throws ProviderException {@link ProviderError.Terminal.Kind#UNSUPPORTED} when a user entry has a media
   *     type Chat Completions cannot take, or a tool result has no call id
   */
  static void write(JsonGenerator g, List<ContextEntry> context, String provider, Function<BlobRef, byte[]> blobs, boolean userTextFollows)
      throws IOException, ProviderException {
    new ChatMessages(provider, blobs).writeAll(g, context, userTextFollows);
  }

  private void writeAll(JsonGenerator g, List<ContextEntry> context, boolean userTextFollows) throws IOException, ProviderException {
    List<String> system = new ArrayList<>();
    for (ContextEntry e : context) {
      switch (e.kind()) {
        case INSTRUCTIONS, SKILL_CATALOG, VFS_CATALOG -> system.add(text(e.item()));
        default -> { }
      }
    }
    if (!system.isEmpty()) textMessage(g, "system", String.join("\n\n", system));

    int lastUser = userTextFollows ? context.size() : -1;
    for (int i = 0; i < context.size() && !userTextFollows; i++) {
      if (isUserContent(context.get(i).item())) lastUser = i;
    }
    for (int i = 0; i < context.size(); i++) {
      ContextEntry e = context.get(i);
      ContextItem item = e.item();
      if (item.providerKind() != null) {
        if (item.providerKind().startsWith(KIND_PREFIX) && baseType(item.mediaType()).equals("application/json")) {
          flushUser(g);
          String message = new String(blobs.apply(item.content()), StandardCharsets.UTF_8);
          g.writeRawValue(i < lastUser ? withoutReasoning(message) : message);
        } else {
          LOG.log(System.Logger.Level.WARNING, "context entry {0} is a {1} item, which {2} cannot send; skipped",
              e.id(), item.providerKind(), OpenAiCompletionsAdapter.API_KIND);
        }
        continue;
      }
      switch (e.kind()) {
        case INSTRUCTIONS, SKILL_CATALOG, VFS_CATALOG -> { }
        case SKILL_ACTIVATION, COMPACTION -> pendingUser.add(userPart(e));
        case TOOL_RESULT -> {
          flushUser(g);
          toolMessage(g, e);
        }
        case MESSAGE -> {
          switch (item.role()) {
            case USER, NONE -> pendingUser.add(userPart(e));
            case ASSISTANT -> {
              flushUser(g);
              textMessage(g, "assistant", text(item));
            }
            case SYSTEM, DEVELOPER -> {
              flushUser(g);
              textMessage(g, "system", text(item));
            }
          }
        }
        case TOOL_CALL, REASONING_STATE, PROVIDER_OPAQUE -> LOG.log(System.Logger.Level.WARNING,
            "context entry {0} is a {1} without a provider kind, which {2} cannot send; skipped", e.id(), e.kind().wireName(),
            OpenAiCompletionsAdapter.API_KIND);
      }
    }
    flushUser(g);
  }

  /** {@return whether the item is rendered as (part of) a user message} */
  private static boolean isUserContent(ContextItem item) {
    if (item.providerKind() != null) return false;
    return switch (item.kind()) {
      case SKILL_ACTIVATION, COMPACTION -> true;
      case MESSAGE -> item.role() == EntryRole.USER || item.role() == EntryRole.NONE;
      default -> false;
    };
  }

  /**
   * {@return a stored assistant message without its reasoning text} Servers that think between tool calls
   * want the reasoning of the current tool loop back, but refuse (or ignore) that of earlier exchanges.
   */
  private static String withoutReasoning(String message) {
    if (!message.contains("\"reasoning")) return message;
    try {
      return RawJson.withoutMember(RawJson.withoutMember(message, "reasoning_content"), "reasoning");
    } catch (IllegalArgumentException malformed) {
      return message;
    }
  }

  private sealed interface Part {
    record Text(String text) implements Part {}

    record Image(String dataUrl) implements Part {}

    record File(String filename, String dataUrl) implements Part {}
  }

  private Part userPart(ContextEntry e) throws ProviderException {
    ContextItem item = e.item();
    String type = baseType(item.mediaType());
    if (isText(type)) return new Part.Text(text(item));
    if (IMAGE_TYPES.contains(type)) return new Part.Image(dataUrl(type, item));
    if (type.equals("application/pdf")) return new Part.File("document-" + e.id() + ".pdf", dataUrl(type, item));
    throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.UNSUPPORTED, 0, "",
        "context entry " + e.id() + " has media type \"" + item.mediaType() + "\", which Chat Completions cannot take "
            + "(text, image/png, image/jpeg, image/webp, image/gif or application/pdf)"));
  }

  private void flushUser(JsonGenerator g) throws IOException {
    if (pendingUser.isEmpty()) return;
    if (pendingUser.size() == 1 && pendingUser.getFirst() instanceof Part.Text(String text)) {
      textMessage(g, "user", text);
      pendingUser.clear();
      return;
    }
    g.writeStartObject();
    g.writeStringField("role", "user");
    g.writeArrayFieldStart("content");
    for (Part part : pendingUser) {
      g.writeStartObject();
      switch (part) {
        case Part.Text(String text) -> {
          g.writeStringField("type", "text");
          g.writeStringField("text", text);
        }
        case Part.Image(String url) -> {
          g.writeStringField("type", "image_url");
          g.writeObjectFieldStart("image_url");
          g.writeStringField("url", url);
          g.writeEndObject();
        }
        case Part.File(String filename, String url) -> {
          g.writeStringField("type", "file");
          g.writeObjectFieldStart("file");
          g.writeStringField("filename", filename);
          g.writeStringField("file_data", url);
          g.writeEndObject();
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    pendingUser.clear();
  }

  private void toolMessage(JsonGenerator g, ContextEntry e) throws IOException, ProviderException {
    ContextItem item = e.item();
    if (item.callId() == null || item.callId().isEmpty()) {
      throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.UNSUPPORTED, 0, "",
          "tool result entry " + e.id() + " has no call id"));
    }
    String type = baseType(item.mediaType());
    String content = isText(type) ? text(item)
        : "(the tool returned " + item.mediaType() + " content, which cannot be shown through this API)";
    g.writeStartObject();
    g.writeStringField("role", "tool");
    g.writeStringField("tool_call_id", item.callId());
    g.writeStringField("content", content);
    g.writeEndObject();
  }

  private static void textMessage(JsonGenerator g, String role, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("role", role);
    g.writeStringField("content", text);
    g.writeEndObject();
  }

  private String text(ContextItem item) {
    return new String(blobs.apply(item.content()), StandardCharsets.UTF_8);
  }

  private String dataUrl(String type, ContextItem item) {
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(blobs.apply(item.content()));
  }

  private static boolean isText(String type) {
    return type.startsWith("text/") || type.equals("application/json");
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
