package dev.lightspeed.llm.openai.completions;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.ProviderAdapter;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.OpenResponse;
import dev.lightspeed.llm.http.SseEvent;
import dev.lightspeed.llm.http.SseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The {@code openai:completions} adapter: OpenAI Chat Completions ({@code POST {base}/chat/completions}),
 * also spoken by local OpenAI-compatible servers (Ollama, vLLM, llama.cpp). Generations stream; content and
 * reasoning deltas go to the call's {@link LiveListener}.
 *
 * <p>A generation stores the assembled assistant message, {@code {"role":"assistant","content":…,
 * "tool_calls":[…]}}, as one {@link EntryKind#MESSAGE}/{@link EntryRole#ASSISTANT} item of provider kind
 * {@value #MESSAGE_KIND} (no separate tool-call items exist for this kind), and the assembled
 * {@code chat.completion} object as the response blob. A compaction is a summarising call whose answer
 * becomes one {@link EntryKind#COMPACTION} user item in {@code text/plain}.
 *
 * <p>One attempt per call: failures throw a classified {@link ProviderException} (a stream that ends
 * before {@code data: [DONE]} is a transient {@code STREAM_INTERRUPTED}; an error chunk is classified like
 * an HTTP error). When the call is aborted (or the calling thread interrupted) a generation returns
 * {@link GenerationResult.Cancelled} and a compaction throws {@link CancellationException}. A server that
 * ignores {@code stream} and answers with one JSON {@code chat.completion} is understood too. Keys travel only
 * in {@code Authorization: Bearer}, omitted for keyless providers. {@code prompt_cache_key} (the session id)
 * is sent only to the provider {@code openai} with a key: keyless servers may reject unknown fields.
 * Stateless and safe for concurrent use.
 */
public final class OpenAiCompletionsAdapter implements ProviderAdapter {
  /** The API kind this adapter speaks. */
  public static final String API_KIND = "openai:completions";
  /** The provider kind of the stored assistant message. */
  public static final String MESSAGE_KIND = "openai:completions:message";
  /** What precedes the model's text in a compaction summary item. */
  public static final String SUMMARY_PREFIX = "Summary of the earlier conversation:\n\n";

  private static final int PREVIEW_CHARS = 200;

  @Override
  public String apiKind() {
    return API_KIND;
  }

  @Override
  public GenerationResult generate(LlmRequest request, ProviderCall call) throws ProviderException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    byte[] body = new ChatRequestBuilder(call.provider().id(), call.apiKey().isPresent(), call.session(), call::read).generation(request);
    TurnDeltas deltas = TurnDeltas.live(call, request.turn());
    ChatCompletion completion;
    try {
      completion = stream(body, call, deltas, "call_" + request.turn() + "_");
    } catch (CancellationException aborted) {
      return new GenerationResult.Cancelled(request.turn());
    }

    byte[] message = completion.messageJson();
    BlobRef messageRef = call.put(message);
    BlobRef responseRef = call.put(completion.responseJson());
    List<ToolCall> toolCalls = new ArrayList<>();
    for (ChatCompletion.ToolCallPart part : completion.toolCalls()) {
      String arguments = part.arguments().isBlank() ? "{}" : part.arguments();
      toolCalls.add(new ToolCall(part.id(), part.name(), call.put(arguments.getBytes(StandardCharsets.UTF_8))));
    }
    ContextItem item = new ContextItem(null, EntryKind.MESSAGE, EntryRole.ASSISTANT, messageRef, "application/json", MESSAGE_KIND,
        preview(completion), estimate(message.length), null, false);
    return new GenerationResult.Completed(request.turn(), responseRef, completion.finishReason(), completion.usage(), List.of(item),
        toolCalls, completion.id());
  }

  /**
   * {@inheritDoc}
   *
   * @throws CancellationException when the call was aborted
   */
  @Override
  public CompactionResult compact(CompactionRequest request, ProviderCall call) throws ProviderException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(call, "call");
    String provider = call.provider().id();
    byte[] body = new ChatRequestBuilder(provider, call.apiKey().isPresent(), call.session(), call::read).compaction(request);
    ChatCompletion completion = stream(body, call, TurnDeltas.NONE, "call_c" + request.compaction() + "_");
    String text = completion.content() == null ? "" : completion.content().strip();
    if (text.isEmpty()) {
      if (completion.refusal() != null && !completion.refusal().isBlank()) {
        throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.CONTENT_POLICY, 0, "",
            "the model refused to summarise the conversation (response " + completion.id() + "): " + completion.refusal()));
      }
      throw new ProviderException(new ProviderError.Transient(provider, ProviderError.Transient.Kind.SERVER_ERROR, 0, "",
          "the model returned an empty summary (response " + completion.id() + ", finish reason \"" + completion.finishReason() + "\")",
          Optional.empty()));
    }
    byte[] summary = (SUMMARY_PREFIX + text).getBytes(StandardCharsets.UTF_8);
    ContextItem item = new ContextItem(null, EntryKind.COMPACTION, EntryRole.USER, call.put(summary), "text/plain", null,
        abbreviate(text), estimate(summary.length), null, false);
    return new CompactionResult.Completed(request.compaction(), List.of(item), completion.usage());
  }

  /**
   * Posts {@code body} and folds the stream until {@code data: [DONE]}.
   *
   * @throws CancellationException when the call is aborted before or while streaming
   */
  private static ChatCompletion stream(byte[] body, ProviderCall call, TurnDeltas deltas, String callIdPrefix)
      throws ProviderException {
    String provider = call.provider().id();
    Thread caller = Thread.currentThread();
    BooleanSupplier aborted = () -> call.isAborted() || caller.isInterrupted();
    if (aborted.getAsBoolean()) throw new CancellationException("aborted before the request was sent");
    Map<String, String> headers = new LinkedHashMap<>(call.provider().headers());
    call.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));

    OpenResponse response;
    try {
      response = call.http().post(provider, call.provider().resolve("/chat/completions"), headers, body, aborted);
    } catch (ProviderException e) {
      if (aborted.getAsBoolean()) throw new CancellationException("aborted while the request was sent");
      throw e;
    }
    try (response) {
      ChatStreamReducer reducer = new ChatStreamReducer(provider, response.requestId(), deltas);
      if (response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/json")) {
        // some OpenAI-compatible servers ignore "stream" and answer with one chat.completion
        reducer.accept(new SseEvent("message", new String(response.body().readAllBytes(), StandardCharsets.UTF_8), null));
        if (aborted.getAsBoolean()) throw new CancellationException("aborted while reading the response");
        return reducer.finish(callIdPrefix);
      }
      return fold(new SseReader(response.body()), reducer, aborted, provider, callIdPrefix);
    } catch (IOException e) {
      if (aborted.getAsBoolean()) throw new CancellationException("aborted while streaming");
      throw new ProviderException(ErrorClassifier.fromIo(provider, e, true), e);
    }
  }

  /** Feeds events to {@code reducer} until {@code [DONE]}. */
  private static ChatCompletion fold(SseReader events, ChatStreamReducer reducer, BooleanSupplier aborted, String provider, String callIdPrefix)
      throws IOException, ProviderException {
    while (true) {
      if (aborted.getAsBoolean()) throw new CancellationException("aborted while streaming");
      Optional<SseEvent> event = events.next();
      if (event.isEmpty()) {
        if (aborted.getAsBoolean()) throw new CancellationException("aborted while streaming");
        throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("stream ended before [DONE]"), true));
      }
      if (event.get().isDone()) return reducer.finish(callIdPrefix);
      reducer.accept(event.get());
    }
  }

  private static String preview(ChatCompletion completion) {
    if (completion.content() != null && !completion.content().isBlank()) return abbreviate(completion.content());
    if (completion.refusal() != null && !completion.refusal().isBlank()) return abbreviate(completion.refusal());
    if (!completion.toolCalls().isEmpty()) {
      return abbreviate("tool calls: " + completion.toolCalls().stream().map(ChatCompletion.ToolCallPart::name).collect(Collectors.joining(", ")));
    }
    return "";
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= PREVIEW_CHARS ? line : line.substring(0, PREVIEW_CHARS) + "…";
  }

  private static long estimate(int bytes) {
    return (bytes + 3) / 4;
  }
}
