package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.llm.McpBearerTokens;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@code POST /v1/messages} bodies. Members are written in this order: {@code model},
 * {@code max_tokens}, {@code system}, {@code messages}, {@code tools}, {@code tool_choice}, {@code mcp_servers},
 * {@code thinking}, {@code context_management}, {@code stream} (always true).
 *
 * <p><b>Prompt cache breakpoints</b> ({@code "cache_control":{"type":"ephemeral"}}), at most three:
 *
 * <ol>
 *   <li>on the last tool definition (native definitions get the member appended to their stored JSON);
 *   <li>on the last {@code system} text block;
 *   <li>on the stable prefix: see {@link AnthropicTranscript#stableBreakpoint()} — the assistant message
 *       just before the final user message (this turn's new input), on its last block other than thinking.
 *       Stored blocks keep every character and only gain the member before their closing brace.
 * </ol>
 *
 * <p>With a {@link CompactionPolicy.Mode#PROVIDER_TRIGGERED} policy and a threshold, the body asks for
 * server-side compaction ({@code context_management} with a {@code compact_20260112} edit) and the request
 * must carry the {@value #COMPACTION_BETA} beta header.
 *
 * <p>Thinking is left out when the tool choice forces a tool call ({@code any} or {@code tool}), which the
 * API refuses to combine with thinking (a warning is logged), and when the request continues a tool loop
 * whose assistant message does not start with a thinking block (thinking was off when the loop began), which
 * the API refuses too.
 *
 * <p><b>Provider-run MCP servers</b> (Anthropic's MCP connector). A native spec of this API kind may carry an
 * {@code mcpServer} member next to its {@code definition} (an {@code mcp_toolset} tool):
 * {@code {"definition":{"type":"url","url":…,"name":…},"bearerTokenOf":"<catalog server id>"}}. Its
 * definition becomes an entry of {@code mcp_servers}; when it names a catalog server, that server's token is
 * looked up just before the call and sent as {@code authorization_token}, so the token is in the request body
 * and nowhere else. Such a request carries the {@value #MCP_BETA} beta header, and so does a summarizing call
 * over a history holding {@code mcp_tool_use} or {@code mcp_tool_result} blocks. Stateless.
 */
final class AnthropicRequestBuilder {
  private static final System.Logger LOG = System.getLogger(AnthropicRequestBuilder.class.getName());
  static final String COMPACTION_BETA = "compact-2026-01-12";
  static final String COMPACTION_EDIT = "compact_20260112";
  /** The MCP connector's beta (its earlier {@code mcp-client-2025-04-04} form is deprecated). */
  static final String MCP_BETA = "mcp-client-2025-11-20";
  private static final Set<String> MCP_BLOCKS = Set.of("mcp_tool_use", "mcp_tool_result");

  /**
   * A request body, the beta headers it needs, and the secrets it holds (MCP tokens), to be kept out of
   * error messages.
   */
  record Built(byte[] body, List<String> betas, Set<String> secrets) {
    Built {
      betas = List.copyOf(betas);
      secrets = Set.copyOf(secrets);
    }
  }

  /** The tools of a request: {@code tools} entries, {@code mcp_servers} entries (tokens included), and those tokens. */
  private record Tools(List<String> definitions, List<String> mcpServers, Set<String> tokens) {}

  private AnthropicRequestBuilder() {}

  /**
   * The body of a generation.
   *
   * @param mcpTokens the token of a catalog MCP server by id, looked up now
   * @throws ProviderException terminal when an entry or a setting cannot be sent to this API, or when a
   *     provider-run MCP server needs a token that cannot be found
   */
  static Built generation(String provider, LlmRequest request, Function<BlobRef, byte[]> blobs,
      Function<String, Optional<String>> mcpTokens) throws ProviderException {
    AnthropicTranscript transcript = AnthropicTranscript.render(provider, request.context(), blobs);
    AnthropicSettings requested = AnthropicSettings.from(provider, request.generation());
    Tools toolSet = tools(provider, request.tools(), blobs, mcpTokens);
    List<String> tools = toolSet.definitions();
    // The API answers 400 to thinking with tool_choice any or tool; the forced tool call is what the caller
    // relies on, so such a turn goes without thinking.
    boolean forced = !tools.isEmpty() && requested.forcesToolUse() && requested.thinkingBudget() > 0;
    if (forced) {
      LOG.log(System.Logger.Level.WARNING, "turn {0}: tool choice \"{1}\" forces tool use, which {2} cannot combine with thinking; "
          + "sending it without thinking", request.turn(), requested.toolChoiceType(), AnthropicMessagesAdapter.API_KIND);
    }
    // Thinking cannot be switched on in the middle of a tool loop: the assistant message the tool results
    // answer must then start with a thinking block.
    boolean midLoop = requested.thinkingBudget() > 0 && transcript.continuesAToolLoopWithoutThinking();
    if (midLoop) {
      LOG.log(System.Logger.Level.INFO, "turn {0}: the tool loop began without thinking; this request goes without thinking too",
          request.turn());
    }
    AnthropicSettings settings = forced || midLoop ? requested.withoutThinking() : requested;
    CompactionPolicy policy = request.compaction();
    long trigger = policy.mode() == CompactionPolicy.Mode.PROVIDER_TRIGGERED ? policy.thresholdTokens() : 0;
    String body = AnthropicJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("model", request.model().model());
      g.writeNumberField("max_tokens", settings.maxTokens());
      writeSystemAndMessages(g, transcript);
      if (!tools.isEmpty()) {
        writeTools(g, tools);
        if (settings.toolChoiceType() != null) writeToolChoice(g, settings);
      }
      if (!toolSet.mcpServers().isEmpty()) {
        g.writeArrayFieldStart("mcp_servers");
        for (String server : toolSet.mcpServers()) g.writeRawValue(server);
        g.writeEndArray();
      }
      if (settings.thinkingBudget() > 0) {
        g.writeObjectFieldStart("thinking");
        g.writeStringField("type", "enabled");
        g.writeNumberField("budget_tokens", settings.thinkingBudget());
        g.writeEndObject();
      }
      if (trigger > 0) {
        g.writeObjectFieldStart("context_management");
        g.writeArrayFieldStart("edits");
        g.writeStartObject();
        g.writeStringField("type", COMPACTION_EDIT);
        g.writeObjectFieldStart("trigger");
        g.writeStringField("type", "input_tokens");
        g.writeNumberField("value", trigger);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeBooleanField("stream", true);
      g.writeEndObject();
    });
    List<String> betas = new ArrayList<>();
    if (trigger > 0) betas.add(COMPACTION_BETA);
    if (!toolSet.mcpServers().isEmpty() || transcript.hasAny(MCP_BLOCKS)) betas.add(MCP_BETA);
    return new Built(body.getBytes(StandardCharsets.UTF_8), betas, toolSet.tokens());
  }

  /**
   * The body of a summarizing call: the context as for a generation, then {@code instruction} as user text.
   * There are no tools, but the API refuses {@code tool_use} blocks without definitions, so each tool the
   * history calls gets a placeholder definition and {@code tool_choice} is {@code none}.
   */
  static Built summary(String provider, CompactionRequest request, String instruction, Function<BlobRef, byte[]> blobs) throws ProviderException {
    AnthropicTranscript transcript = AnthropicTranscript.render(provider, request.context(), blobs).withUserText(instruction);
    long maxTokens = request.policy().targetTokens() > 0 ? request.policy().targetTokens() : AnthropicMessagesAdapter.DEFAULT_MAX_TOKENS;
    List<String> placeholders = new ArrayList<>();
    for (String name : transcript.toolUseNames()) {
      placeholders.add(AnthropicJson.write(g -> {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("description", "A tool called earlier in this conversation; not available now.");
        g.writeObjectFieldStart("input_schema");
        g.writeStringField("type", "object");
        g.writeEndObject();
        g.writeEndObject();
      }));
    }
    String body = AnthropicJson.write(g -> {
      g.writeStartObject();
      g.writeStringField("model", request.model().model());
      g.writeNumberField("max_tokens", maxTokens);
      writeSystemAndMessages(g, transcript);
      if (!placeholders.isEmpty()) {
        writeTools(g, placeholders);
        g.writeObjectFieldStart("tool_choice");
        g.writeStringField("type", "none");
        g.writeEndObject();
      }
      g.writeBooleanField("stream", true);
      g.writeEndObject();
    });
    return new Built(body.getBytes(StandardCharsets.UTF_8), transcript.hasAny(MCP_BLOCKS) ? List.of(MCP_BETA) : List.of(), Set.of());
  }

  private static void writeSystemAndMessages(JsonGenerator g, AnthropicTranscript transcript) throws IOException {
    List<String> system = transcript.system();
    if (!system.isEmpty()) {
      g.writeArrayFieldStart("system");
      for (int i = 0; i < system.size(); i++) {
        g.writeStartObject();
        g.writeStringField("type", "text");
        g.writeStringField("text", system.get(i));
        if (i == system.size() - 1) writeCacheControl(g);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    int[] breakpoint = transcript.stableBreakpoint();
    g.writeArrayFieldStart("messages");
    List<AnthropicTranscript.Message> messages = transcript.messages();
    for (int m = 0; m < messages.size(); m++) {
      AnthropicTranscript.Message message = messages.get(m);
      g.writeStartObject();
      g.writeStringField("role", message.role());
      g.writeArrayFieldStart("content");
      for (int b = 0; b < message.blocks().size(); b++) {
        String json = message.blocks().get(b).json();
        boolean marked = breakpoint != null && breakpoint[0] == m && breakpoint[1] == b;
        g.writeRawValue(marked ? AnthropicJson.withCacheControl(json) : json);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeTools(JsonGenerator g, List<String> tools) throws IOException {
    g.writeArrayFieldStart("tools");
    for (int i = 0; i < tools.size(); i++) {
      g.writeRawValue(i == tools.size() - 1 ? AnthropicJson.withCacheControl(tools.get(i)) : tools.get(i));
    }
    g.writeEndArray();
  }

  private static void writeToolChoice(JsonGenerator g, AnthropicSettings settings) throws IOException {
    g.writeObjectFieldStart("tool_choice");
    g.writeStringField("type", settings.toolChoiceType());
    if (settings.toolName() != null) g.writeStringField("name", settings.toolName());
    if (settings.disableParallelToolUse()) g.writeBooleanField("disable_parallel_tool_use", true);
    g.writeEndObject();
  }

  private static void writeCacheControl(JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("cache_control");
    g.writeStringField("type", "ephemeral");
    g.writeEndObject();
  }

  /**
   * {@return each tool as a Messages API definition: function specs as {@code name}, {@code description}
   * and {@code input_schema} (the spec's {@code parameters}, kept as stored); native specs for this API kind
   * as their stored {@code definition}, plus their {@code mcpServer} as an {@code mcp_servers} entry; others
   * skipped}
   *
   * @throws ProviderException terminal {@code INVALID_REQUEST} when a provider-run MCP server's token cannot be found
   */
  private static Tools tools(String provider, List<ToolSpec> specs, Function<BlobRef, byte[]> blobs,
      Function<String, Optional<String>> mcpTokens) throws ProviderException {
    List<String> out = new ArrayList<>(specs.size());
    List<String> mcpServers = new ArrayList<>();
    Set<String> tokens = new LinkedHashSet<>();
    for (ToolSpec spec : specs) {
      String json = new String(blobs.apply(spec.spec()), StandardCharsets.UTF_8);
      JsonNode node;
      try {
        node = AnthropicJson.MAPPER.readTree(json);
      } catch (IOException e) {
        throw new IllegalArgumentException("tool spec of \"" + spec.name() + "\" is not JSON: " + e.getMessage(), e);
      }
      String type = AnthropicJson.text(node, "type");
      if (type.equals("native")) {
        if (AnthropicJson.text(node, "apiKind").equals(AnthropicMessagesAdapter.API_KIND)) {
          out.add(RawJson.member(json, "definition")
              .orElseThrow(() -> new IllegalArgumentException("native tool spec of \"" + spec.name() + "\" has no definition")));
          if (node.get("mcpServer") instanceof ObjectNode server) mcpServers.add(mcpServer(provider, spec, server, mcpTokens, tokens));
        }
        continue;
      }
      if (!type.isEmpty() && !type.equals("function")) continue;
      JsonNode description = node.get("description");
      String schema = RawJson.member(json, "parameters").filter(s -> !s.equals("null")).orElse("{\"type\":\"object\"}");
      out.add(AnthropicJson.write(g -> {
        g.writeStartObject();
        g.writeStringField("name", spec.name());
        if (description != null && description.isTextual()) g.writeStringField("description", description.asText());
        g.writeFieldName("input_schema");
        g.writeRawValue(schema);
        g.writeEndObject();
      }));
    }
    return new Tools(out, mcpServers, tokens);
  }

  /** {@return the {@code mcp_servers} entry of a spec's {@code mcpServer}, with the token it names looked up now (and added to {@code tokens})} */
  private static String mcpServer(String provider, ToolSpec spec, ObjectNode server, Function<String, Optional<String>> mcpTokens,
      Set<String> tokens) throws ProviderException {
    if (!(server.get("definition") instanceof ObjectNode definition)) {
      throw new IllegalArgumentException("native tool spec of \"" + spec.name() + "\" has an mcpServer without a definition");
    }
    ObjectNode entry = definition.deepCopy();
    String tokenOf = AnthropicJson.text(server, "bearerTokenOf");
    if (!tokenOf.isEmpty()) {
      String token = McpBearerTokens.now(provider, spec.name(), tokenOf, mcpTokens);
      entry.put("authorization_token", token);
      tokens.add(token);
    }
    return AnthropicJson.write(entry);
  }
}
