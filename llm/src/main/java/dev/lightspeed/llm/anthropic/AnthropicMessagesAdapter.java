package dev.lightspeed.llm.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.context.EntrySource;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.llm.ProviderAdapter;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The {@value #API_KIND} adapter: Anthropic's Messages API ({@code POST {base}/v1/messages}, streamed).
 *
 * <p><b>Requests.</b> Instructions and catalogs form {@code system}; the other entries form role-merged
 * {@code messages} (see {@link AnthropicTranscript}); tools, {@code tool_choice}, {@code thinking} and
 * {@code max_tokens} come from the request (see {@link AnthropicSettings}); prompt cache breakpoints and
 * provider-triggered compaction are described on {@link AnthropicRequestBuilder}. The key goes only in the
 * {@code x-api-key} header.
 *
 * <p><b>Provider-run MCP servers.</b> An {@code mcp_toolset} native tool whose spec carries an {@code mcpServer}
 * adds that server to {@code mcp_servers}, with its bearer token looked up through the call's
 * {@link dev.lightspeed.llm.McpTokens} just before the request (see {@link AnthropicRequestBuilder}). The
 * provider runs those tools itself: its {@code mcp_tool_use} and {@code mcp_tool_result} blocks are opaque
 * items, never tool calls for the harness, and are sent back as stored.
 *
 * <p><b>Results.</b> One context item per content block, stored as the block JSON (see
 * {@link AnthropicOutputs}); the response blob is the assembled message; {@code finishReason} is the
 * {@code stop_reason} (a {@code pause_turn} is continued within the turn, see {@link #generate}); usage input is the whole prompt (uncached + cache reads + cache writes). Text and
 * thinking deltas go to the call's live listener as they stream.
 *
 * <p><b>Compaction.</b> {@link #compact} makes a summarizing call over the request's context and returns
 * one {@code COMPACTION} user item holding {@value #SUMMARY_PREFIX_TEXT} followed by the summary as
 * {@code text/plain}. Provider-triggered compaction needs no call of its own: the {@code compaction} block
 * of a generation becomes a {@code COMPACTION} output item and is sent back as stored.
 *
 * <p>One attempt per call; an aborted generation returns {@link GenerationResult.Cancelled} and an aborted
 * compaction throws {@link CancellationException}. Stateless and safe for concurrent use.
 */
public final class AnthropicMessagesAdapter implements ProviderAdapter {
  /** The API kind this adapter speaks, and the prefix of the {@code providerKind} of the items it stores. */
  public static final String API_KIND = "anthropic:messages";
  /** The stop reason of an answer the provider paused mid turn, to be sent back for it to go on. */
  static final String PAUSE_TURN = "pause_turn";
  /** How many times one turn sends a paused answer back before it ends with {@value #PAUSE_TURN} as its stop reason. */
  public static final int MAX_PAUSE_CONTINUATIONS = 4;
  /** {@code max_tokens} when the request sets no {@code maxOutputTokens} (the thinking budget is added). */
  public static final long DEFAULT_MAX_TOKENS = 8192;
  /** Thinking budget for {@code reasoningEffort: minimal} (the API's minimum). */
  public static final long MINIMAL_THINKING_BUDGET = 1024;
  /** Thinking budget for {@code reasoningEffort: low}. */
  public static final long LOW_THINKING_BUDGET = 2048;
  /** Thinking budget for {@code reasoningEffort: medium}. */
  public static final long MEDIUM_THINKING_BUDGET = 8192;
  /** Thinking budget for {@code reasoningEffort: high}. */
  public static final long HIGH_THINKING_BUDGET = 24576;

  /** The user message that asks for a summary at the end of a summarizing call. */
  public static final String SUMMARY_INSTRUCTION = "Write a summary of the conversation so far. It will replace the earlier "
      + "messages, so it is all you will have to continue from. Be concise, but keep every decision made and why, the open "
      + "tasks and next steps, file paths, identifiers, commands, and any facts or constraints needed to continue the work. "
      + "Write only the summary.";
  static final String SUMMARY_PREFIX_TEXT = "Summary of the earlier conversation:";
  private static final String SUMMARY_PREFIX = SUMMARY_PREFIX_TEXT + "\n\n";

  @Override
  public String apiKind() {
    return API_KIND;
  }

  /**
   * {@inheritDoc}
   *
   * <p>A {@value #PAUSE_TURN} answer (the provider paused a long server-tool loop, such as web search, mid
   * turn) is sent back as it is, as the API asks, up to {@value #MAX_PAUSE_CONTINUATIONS} times; the turn's
   * outputs are those of every round in order, its response blob, stop reason and id those of the last round,
   * and its usage the last round's input (the whole prompt, for the compaction mark) with the output tokens of
   * all rounds.
   */
  @Override
  public GenerationResult generate(LlmRequest request, ProviderCall call) throws ProviderException {
    String provider = call.provider().id();
    TurnDeltas deltas = TurnDeltas.live(call, request.turn());
    List<ContextEntry> context = new ArrayList<>(request.context());
    long nextId = context.stream().mapToLong(ContextEntry::id).max().orElse(0) + 1;
    List<ContextItem> items = new ArrayList<>();
    List<ToolCall> calls = new ArrayList<>();
    long outputTokens = 0;
    long reasoningTokens = 0;
    for (int round = 0; ; round++) {
      LlmRequest current = round == 0 ? request : new LlmRequest(request.run(), request.turn(), request.model(), request.generation(),
          request.compaction(), context, request.tools(), request.fingerprint());
      AnthropicRequestBuilder.Built body = AnthropicRequestBuilder.generation(provider, current, call::read, call::mcpToken);
      Optional<AnthropicResponse> answer = AnthropicExchange.run(call, body, deltas);
      if (answer.isEmpty()) return new GenerationResult.Cancelled(request.turn());
      AnthropicResponse response = answer.get();
      AnthropicOutputs.Outputs outputs = AnthropicOutputs.from(provider, response.blocks(), call::put);
      items.addAll(outputs.items());
      calls.addAll(outputs.calls());
      outputTokens += response.usage().outputTokens();
      reasoningTokens += response.usage().reasoningTokens();
      if (!response.stopReason().equals(PAUSE_TURN) || round == MAX_PAUSE_CONTINUATIONS) {
        BlobRef responseRef = call.put(response.json());
        Usage usage = new Usage(response.usage().inputTokens(), outputTokens, response.usage().cachedInputTokens(), reasoningTokens);
        return new GenerationResult.Completed(request.turn(), responseRef, response.stopReason(), usage, items, calls, response.id());
      }
      for (ContextItem item : outputs.items()) {
        context.add(new ContextEntry(nextId++, new EntrySource.AssistantOutput(request.run(), request.turn()), item));
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws CancellationException when the call was aborted
   */
  @Override
  public CompactionResult compact(CompactionRequest request, ProviderCall call) throws ProviderException {
    String provider = call.provider().id();
    AnthropicRequestBuilder.Built body = AnthropicRequestBuilder.summary(provider, request, SUMMARY_INSTRUCTION, call::read);
    AnthropicResponse response = AnthropicExchange.run(call, body, TurnDeltas.NONE)
        .orElseThrow(() -> new CancellationException("the compaction call was aborted"));
    String summary = text(response).strip();
    if (summary.isEmpty()) {
      BlobRef reason = call.put(AnthropicJson.write(g -> {
        g.writeStartObject();
        g.writeStringField("provider", provider);
        g.writeStringField("requestId", response.id());
        g.writeStringField("stopReason", response.stopReason());
        g.writeStringField("message", "the summarizing call returned no text");
        g.writeEndObject();
      }).getBytes(StandardCharsets.UTF_8));
      return new CompactionResult.Failed(request.compaction(), reason, provider + " returned no summary text (stop_reason "
          + response.stopReason() + ")");
    }
    String content = SUMMARY_PREFIX + summary;
    BlobRef ref = call.put(content.getBytes(StandardCharsets.UTF_8));
    ContextItem item = new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER, ref, "text/plain", null,
        AnthropicJson.abbreviate(summary, 200), Math.max(1, content.length() / 4), null, false);
    return new CompactionResult.Completed(request.compaction(), List.of(item), response.usage());
  }

  /** {@return the text of the answer's text blocks, joined by blank lines} */
  private static String text(AnthropicResponse response) {
    StringBuilder out = new StringBuilder();
    for (String block : response.blocks()) {
      JsonNode node;
      try {
        node = AnthropicJson.MAPPER.readTree(block);
      } catch (IOException e) {
        throw new UncheckedIOException("a content block that was just parsed no longer parses", e);
      }
      if (!AnthropicJson.text(node, "type").equals("text")) continue;
      if (!out.isEmpty()) out.append("\n\n");
      out.append(AnthropicJson.text(node, "text"));
    }
    return out.toString();
  }
}
