package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
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
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Context entries rendered for the Messages API: the {@code system} texts and the {@code messages}, each
 * content block as JSON text. Instructions and catalogs become system texts in request order. Stored blocks
 * of this API kind ({@code application/json} with a {@code providerKind} of {@code anthropic:messages:*})
 * are kept byte for byte; user text, images, PDFs, tool results and text summaries become new blocks.
 *
 * <p>Roles alternate: a block whose role matches the previous message's joins that message, so parallel tool
 * results form one user turn and a turn's thinking, text and tool_use blocks form one assistant message.
 * Within a user message {@code tool_result} blocks come first (the API requires it), in entry order, so a
 * steering message placed while tools ran still follows the results.
 *
 * <p>What the API refuses is left out or mended: empty or whitespace-only text (system texts, user and
 * assistant texts, stored {@code text} blocks) is left out, and a history whose first message is the
 * assistant's (older messages pruned after a compaction) starts with a short user text,
 * {@value #OMITTED_START}.
 *
 * <p>Native items of other API kinds are skipped with a warning (a session's API kind is pinned, so they only
 * come from hand-made context edits). Immutable once rendered.
 */
final class AnthropicTranscript {
  private static final System.Logger LOG = System.getLogger(AnthropicTranscript.class.getName());
  private static final String KIND_PREFIX = AnthropicMessagesAdapter.API_KIND + ":";
  private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");
  private static final Set<String> THINKING = Set.of("thinking", "redacted_thinking");
  /** Block types the API refuses a {@code cache_control} on. */
  private static final Set<String> UNCACHEABLE = THINKING;
  /**
   * The user text put before a history that starts with the assistant (after a compaction pruned the
   * messages before its block, or a context edit removed them): the API wants the user to speak first.
   */
  static final String OMITTED_START = "(The earlier conversation is not shown.)";
  /** The content of an error tool result whose text is empty. */
  static final String EMPTY_ERROR = "(the tool failed without a message)";

  /** One content block: its {@code type} and its JSON text. */
  record Block(String type, String json) {}

  /** One message: {@code role} is {@code user} or {@code assistant}. */
  record Message(String role, List<Block> blocks) {
    Message {
      blocks = List.copyOf(blocks);
    }
  }

  private final List<String> system;
  private final List<Message> messages;
  private final SortedSet<String> toolUseNames;

  private AnthropicTranscript(List<String> system, List<Message> messages, SortedSet<String> toolUseNames) {
    this.system = List.copyOf(system);
    this.messages = List.copyOf(messages);
    this.toolUseNames = toolUseNames;
  }

  /**
   * Renders {@code entries} in order.
   *
   * @throws ProviderException terminal {@code UNSUPPORTED} when an entry cannot be expressed in this API
   *     (an image in an assistant message, an unknown media type, a tool result without a call id)
   */
  static AnthropicTranscript render(String provider, List<ContextEntry> entries, Function<BlobRef, byte[]> blobs) throws ProviderException {
    List<String> system = new ArrayList<>();
    Merger merger = new Merger();
    SortedSet<String> toolUseNames = new TreeSet<>();
    for (ContextEntry entry : entries) {
      ContextItem item = entry.item();
      String mediaType = baseType(item.mediaType());
      switch (item.kind()) {
        case INSTRUCTIONS, SKILL_CATALOG, VFS_CATALOG -> {
          String text = utf8(blobs.apply(item.content()));
          if (!text.isBlank()) system.add(text);
        }
        case TOOL_RESULT -> {
          if (item.callId() == null) throw unsupported(provider, "tool result entry " + entry.id() + " has no call id");
          merger.add("user", new Block("tool_result", toolResult(item.callId(), utf8(blobs.apply(item.content())), item.isError())));
        }
        case MESSAGE, SKILL_ACTIVATION, COMPACTION, TOOL_CALL, REASONING_STATE, PROVIDER_OPAQUE -> {
          if (mediaType.equals("application/json")) {
            if (item.providerKind() == null || !item.providerKind().startsWith(KIND_PREFIX)) {
              LOG.log(System.Logger.Level.WARNING, "skipping context entry {0}: native item of kind {1} cannot be sent to {2}",
                  entry.id(), item.providerKind(), AnthropicMessagesAdapter.API_KIND);
              continue;
            }
            String type = item.providerKind().substring(KIND_PREFIX.length());
            String json = utf8(blobs.apply(item.content()));
            if (type.equals("text") && isBlankText(json)) {
              LOG.log(System.Logger.Level.DEBUG, "context entry {0} is an empty text block, which the API refuses; left out", entry.id());
              continue;
            }
            if (type.equals("tool_use")) toolUseNames.add(toolName(json));
            merger.add(item.role() == EntryRole.USER ? "user" : "assistant", new Block(type, json));
          } else if (item.kind() == EntryKind.MESSAGE || item.kind() == EntryKind.SKILL_ACTIVATION || item.kind() == EntryKind.COMPACTION) {
            String role = item.role() == EntryRole.ASSISTANT ? "assistant" : "user";
            byte[] bytes = blobs.apply(item.content());
            if (mediaType.startsWith("text/") && utf8(bytes).isBlank()) continue;
            merger.add(role, content(provider, entry, role, mediaType, bytes));
          } else {
            LOG.log(System.Logger.Level.WARNING, "skipping context entry {0}: a {1} entry of media type {2} is not a native item",
                entry.id(), item.kind().wireName(), item.mediaType());
          }
        }
      }
    }
    return new AnthropicTranscript(system, merger.messages(), toolUseNames);
  }

  /** {@return this transcript with a user text block appended (joining a trailing user message)} */
  AnthropicTranscript withUserText(String text) {
    Merger merger = new Merger();
    for (Message m : messages) for (Block b : m.blocks()) merger.add(m.role(), b);
    merger.add("user", new Block("text", textBlock(text)));
    return new AnthropicTranscript(system, merger.messages(), toolUseNames);
  }

  List<String> system() {
    return system;
  }

  List<Message> messages() {
    return messages;
  }

  /** {@return whether any message holds a block of one of {@code types}} */
  boolean hasAny(Set<String> types) {
    return messages.stream().flatMap(m -> m.blocks().stream()).anyMatch(b -> types.contains(b.type()));
  }

  /** {@return the names of the tools the stored {@code tool_use} blocks call, sorted} */
  SortedSet<String> toolUseNames() {
    return toolUseNames;
  }

  /**
   * Where the stable-prefix breakpoint goes. When the last message is a user message (this turn's new input:
   * the user's message, steering, tool results) and an assistant message precedes it, the breakpoint is on
   * that assistant message — the last message the previous request's answer ended with — on its last block
   * that may carry {@code cache_control} (not {@code thinking} or {@code redacted_thinking}).
   *
   * @return {@code {messageIndex, blockIndex}}, or null when there is no stable message
   */
  int[] stableBreakpoint() {
    int n = messages.size();
    if (n < 2 || !messages.get(n - 1).role().equals("user")) return null;
    Message stable = messages.get(n - 2);
    for (int b = stable.blocks().size() - 1; b >= 0; b--) {
      if (!UNCACHEABLE.contains(stable.blocks().get(b).type())) return new int[] {n - 2, b};
    }
    return null;
  }

  /**
   * {@return whether a stored {@code text} block's text is empty or whitespace} The API refuses such blocks;
   * models occasionally stream one (an empty text block before a tool call). Decides from the raw text
   * without decoding it when a visible character shows up, which is at once for any real text.
   */
  static boolean isBlankText(String json) {
    String literal;
    try {
      literal = RawJson.member(json, "text").orElse("\"\"");
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    if (!literal.startsWith("\"")) return false;
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\') return decodesBlank(literal);
      if (!Character.isWhitespace(c)) return false;
    }
    return true;
  }

  private static boolean decodesBlank(String literal) {
    try {
      return AnthropicJson.MAPPER.readTree(literal).asText().isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * {@return whether the request continues a tool loop begun without thinking}: the last message is the
   * user's tool results and the assistant message before it does not start with {@code thinking} or
   * {@code redacted_thinking}
   */
  boolean continuesAToolLoopWithoutThinking() {
    int n = messages.size();
    if (n < 2) return false;
    Message last = messages.get(n - 1);
    Message previous = messages.get(n - 2);
    if (!last.role().equals("user") || !last.blocks().getFirst().type().equals("tool_result")) return false;
    return previous.role().equals("assistant") && !THINKING.contains(previous.blocks().getFirst().type());
  }

  static String textBlock(String text) {
    return AnthropicJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "text");
      g.writeStringField("text", text);
      g.writeEndObject();
    });
  }

  private static Block content(String provider, ContextEntry entry, String role, String mediaType, byte[] bytes) throws ProviderException {
    if (mediaType.startsWith("text/")) return new Block("text", textBlock(utf8(bytes)));
    if (role.equals("assistant")) {
      throw unsupported(provider, "context entry " + entry.id() + " is an assistant message of media type " + mediaType
          + "; only text can be sent as the assistant");
    }
    if (IMAGE_TYPES.contains(mediaType)) return new Block("image", base64Block("image", mediaType, bytes));
    if (mediaType.equals("application/pdf")) return new Block("document", base64Block("document", mediaType, bytes));
    throw unsupported(provider, "context entry " + entry.id() + " has media type " + mediaType
        + ", which " + AnthropicMessagesAdapter.API_KIND + " cannot send (text/*, image/png, image/jpeg, image/webp, image/gif, application/pdf)");
  }

  private static String base64Block(String type, String mediaType, byte[] bytes) {
    return AnthropicJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", type);
      g.writeObjectFieldStart("source");
      g.writeStringField("type", "base64");
      g.writeStringField("media_type", mediaType);
      g.writeStringField("data", Base64.getEncoder().encodeToString(bytes));
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /**
   * A {@code tool_result} block. Empty output is sent without {@code content} (the API refuses empty text),
   * or, for an error, as {@value #EMPTY_ERROR} (the API wants an error explained).
   */
  private static String toolResult(String callId, String text, boolean isError) {
    return AnthropicJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "tool_result");
      g.writeStringField("tool_use_id", callId);
      if (!text.isBlank()) g.writeStringField("content", text);
      else if (isError) g.writeStringField("content", EMPTY_ERROR);
      if (isError) g.writeBooleanField("is_error", true);
      g.writeEndObject();
    });
  }

  private static String toolName(String toolUseJson) {
    try {
      JsonNode node = AnthropicJson.MAPPER.readTree(toolUseJson);
      return AnthropicJson.text(node, "name");
    } catch (IOException e) {
      throw new IllegalArgumentException("stored tool_use block is not JSON: " + e.getMessage(), e);
    }
  }

  private static String baseType(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static ProviderException unsupported(String provider, String message) {
    return new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.UNSUPPORTED, 0, "", message));
  }

  /** Builds alternating messages, keeping a user message's tool results ahead of its other blocks. */
  private static final class Merger {
    private final List<String> roles = new ArrayList<>();
    private final List<List<Block>> blocks = new ArrayList<>();

    void add(String role, Block block) {
      int last = roles.size() - 1;
      if (last < 0 || !roles.get(last).equals(role)) {
        roles.add(role);
        blocks.add(new ArrayList<>(List.of(block)));
        return;
      }
      List<Block> current = blocks.get(last);
      if (!block.type().equals("tool_result")) {
        current.add(block);
        return;
      }
      int at = 0;
      while (at < current.size() && current.get(at).type().equals("tool_result")) at++;
      current.add(at, block);
    }

    List<Message> messages() {
      List<Message> out = new ArrayList<>(roles.size() + 1);
      if (!roles.isEmpty() && roles.getFirst().equals("assistant")) {
        out.add(new Message("user", List.of(new Block("text", textBlock(OMITTED_START)))));
      }
      for (int i = 0; i < roles.size(); i++) out.add(new Message(roles.get(i), blocks.get(i)));
      return out;
    }
  }
}
