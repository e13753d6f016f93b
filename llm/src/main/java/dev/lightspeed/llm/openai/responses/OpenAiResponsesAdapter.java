package dev.lightspeed.llm.openai.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.tool.ToolCall;
import dev.lightspeed.llm.ProviderAdapter;
import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.OpenResponse;
import dev.lightspeed.llm.http.SseReader;
import dev.lightspeed.llm.http.SseEvent;
import dev.lightspeed.llm.json.RawJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The {@code openai:responses} adapter: OpenAI's Responses API, or any server that speaks it.
 *
 * <p>A generation is one streamed {@code POST {base}/responses} with {@code store:false}: the whole context
 * is sent every time, stored items byte for byte (reasoning with its encrypted content, tool calls,
 * compaction items). Text and reasoning-summary deltas go to the call's live listener; every output item is
 * stored exactly as {@code response.output_item.done} carried it, and the terminal event's {@code response}
 * object becomes the response blob. A standalone compaction is one {@code POST {base}/responses/compact};
 * its output items replace the compacted entries.
 *
 * <p>One attempt per call. Failures throw a classified {@link ProviderException}: HTTP errors, {@code error}
 * and {@code response.failed} events, and a stream that ends before its terminal event (transient
 * {@code STREAM_INTERRUPTED}; the provider may have done and billed the work). When the call's abort signal
 * turns true a generation returns {@link GenerationResult.Cancelled}, and a compaction throws
 * {@link CancellationException}. The API key goes only into the {@code Authorization} header. Stateless and
 * safe for concurrent use.
 */
public final class OpenAiResponsesAdapter implements ProviderAdapter {
  /** The API kind this adapter speaks. */
  public static final String API_KIND = ResponsesOutputItems.API_KIND;

  @Override
  public String apiKind() {
    return API_KIND;
  }

  @Override
  public GenerationResult generate(LlmRequest request, ProviderCall call) throws ProviderException {
    Set<String> secrets = new LinkedHashSet<>();
    byte[] body = ResponsesRequestBuilder.generation(request, call, secrets);
    try {
      return generate(request, call, body);
    } catch (ProviderException e) {
      // a provider that quotes the request back must not carry an MCP server's token into the error
      if (secrets.isEmpty()) throw e;
      throw new ProviderException(e.error().redacted(secrets));
    }
  }

  private GenerationResult generate(LlmRequest request, ProviderCall call, byte[] body) throws ProviderException {
    String provider = call.provider().id();
    OpenResponse open;
    try {
      open = call.http().post(provider, call.provider().resolve("/responses"), headers(call), body, call::isAborted);
    } catch (CancellationException e) {
      return new GenerationResult.Cancelled(request.turn());
    } catch (ProviderException e) {
      if (call.isAborted()) return new GenerationResult.Cancelled(request.turn());
      throw e;
    }
    ResponsesStreamReducer reducer = new ResponsesStreamReducer(provider, open.requestId(), call.live(), call.session(), request.turn());
    try (open; SseReader events = new SseReader(open.body())) {
      while (!call.isAborted()) {
        Optional<SseEvent> event = events.next();
        if (event.isEmpty() || reducer.accept(event.get())) break;
      }
    } catch (IOException e) {
      if (call.isAborted()) return new GenerationResult.Cancelled(request.turn());
      throw new ProviderException(ErrorClassifier.fromIo(provider, e, true), e);
    }
    ResponsesStreamReducer.Terminal terminal = reducer.terminal();
    if (terminal == null) {
      if (call.isAborted()) return new GenerationResult.Cancelled(request.turn());
      throw new ProviderException(ErrorClassifier.fromIo(provider, new IOException("stream ended before response.completed"), true));
    }
    List<ContextItem> outputs = new ArrayList<>();
    List<ToolCall> toolCalls = new ArrayList<>();
    for (ResponsesStreamReducer.OutputItem raw : reducer.items()) {
      ResponsesOutputItems.Mapped mapped = ResponsesOutputItems.map(raw.raw(), raw.parsed(), call);
      outputs.add(mapped.item());
      if (mapped.toolCall() != null) toolCalls.add(mapped.toolCall());
    }
    return new GenerationResult.Completed(request.turn(), call.put(terminal.rawResponse().getBytes(StandardCharsets.UTF_8)),
        terminal.finishReason(), ResponsesJson.usage(terminal.response()), outputs, toolCalls,
        ResponsesJson.text(terminal.response(), "id"));
  }

  @Override
  public CompactionResult compact(CompactionRequest request, ProviderCall call) throws ProviderException {
    byte[] body = ResponsesRequestBuilder.compaction(request, call);
    String provider = call.provider().id();
    OpenResponse open;
    try {
      open = call.http().post(provider, call.provider().resolve("/responses/compact"), headers(call), body, call::isAborted);
    } catch (ProviderException e) {
      if (call.isAborted()) throw new CancellationException("compaction aborted");
      throw e;
    }
    String json;
    try (open) {
      json = new String(open.body().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      if (call.isAborted()) throw new CancellationException("compaction aborted");
      throw new ProviderException(ErrorClassifier.fromIo(provider, e, true), e);
    }
    JsonNode root;
    List<String> output;
    try {
      root = ResponsesJson.parse(json);
      output = RawJson.arrayMember(json, "output");
    } catch (IllegalArgumentException e) {
      throw new ProviderException(malformed(provider, open, "the compaction response is not JSON: " + e.getMessage()), e);
    }
    if (!root.path("output").isArray()) throw new ProviderException(malformed(provider, open, "the compaction response has no output"));
    List<ContextItem> items = new ArrayList<>();
    for (String raw : output) items.add(ResponsesOutputItems.map(raw, null, call).item());
    return new CompactionResult.Completed(request.compaction(), items, ResponsesJson.usage(root));
  }

  private static ProviderError malformed(String provider, OpenResponse open, String message) {
    return new ProviderError.Transient(provider, ProviderError.Transient.Kind.SERVER_ERROR, open.status(), open.requestId(), message, Optional.empty());
  }

  private static Map<String, String> headers(ProviderCall call) {
    Map<String, String> headers = new HashMap<>(call.provider().headers());
    call.apiKey().ifPresent(key -> headers.put("Authorization", "Bearer " + key));
    return headers;
  }
}
