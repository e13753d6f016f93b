package dev.lightspeed.llm.anthropic;

import dev.lightspeed.llm.ProviderCall;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.TurnDeltas;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.OpenResponse;
import dev.lightspeed.llm.http.SseEvent;
import dev.lightspeed.llm.http.SseReader;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * One {@code POST /v1/messages} attempt: sends the body with the key in {@code x-api-key}, the provider's
 * headers ({@code anthropic-version}, defaulting to {@value ProviderRegistry#DEFAULT_ANTHROPIC_VERSION}) and
 * the betas the body needs appended to the provider's {@code anthropic-beta}, then reads the answer, an event stream or (if the server answers so) a plain JSON message.
 *
 * <p>Abort: when the call's abort signal is set before the answer is complete — before the response
 * arrives, between events, or as the cause of a broken read — the attempt yields nothing. A stream that
 * ends without {@code message_stop} is a transient {@code STREAM_INTERRUPTED}, like any read failure.
 */
final class AnthropicExchange {
  static final String MESSAGES_PATH = "/v1/messages";

  private AnthropicExchange() {}

  /**
   * @return the answer, or empty when the call was aborted
   * @throws ProviderException classified HTTP errors, stream {@code error} events and broken streams, with
   *     the request's secrets (MCP tokens) redacted from the message should the provider quote them
   */
  static Optional<AnthropicResponse> run(ProviderCall call, AnthropicRequestBuilder.Built request, TurnDeltas deltas)
      throws ProviderException {
    try {
      return attempt(call, request, deltas);
    } catch (ProviderException e) {
      if (request.secrets().isEmpty()) throw e;
      throw new ProviderException(e.error().redacted(request.secrets()));
    }
  }

  private static Optional<AnthropicResponse> attempt(ProviderCall call, AnthropicRequestBuilder.Built request, TurnDeltas deltas)
      throws ProviderException {
    ProviderConfig provider = call.provider();
    OpenResponse response;
    try {
      response = call.http().post(provider.id(), provider.resolve(MESSAGES_PATH), headers(call, request.betas()), request.body(), call::isAborted);
    } catch (CancellationException aborted) {
      return Optional.empty();
    }
    try (response; SseReader events = new SseReader(response.body())) {
      if (response.headers().firstValue("content-type").orElse("").contains("json")) {
        byte[] body = response.body().readAllBytes();
        return Optional.of(AnthropicResponse.fromJson(provider.id(), response.requestId(), body));
      }
      AnthropicStreamReducer reducer = new AnthropicStreamReducer(provider.id(), response.requestId(), deltas);
      while (!reducer.stopped()) {
        if (call.isAborted()) return Optional.empty();
        Optional<SseEvent> event = events.next();
        if (event.isEmpty()) {
          if (call.isAborted()) return Optional.empty();
          throw new ProviderException(ErrorClassifier.fromIo(provider.id(), new IOException("stream ended before message_stop"), true));
        }
        reducer.accept(event.get());
      }
      return Optional.of(reducer.finish());
    } catch (IOException e) {
      if (call.isAborted()) return Optional.empty();
      throw new ProviderException(ErrorClassifier.fromIo(provider.id(), e, true), e);
    }
  }

  private static Map<String, String> headers(ProviderCall call, List<String> betas) {
    Map<String, String> headers = new LinkedHashMap<>(call.provider().headers());
    if (headers.keySet().stream().noneMatch("anthropic-version"::equalsIgnoreCase)) {
      headers.put("anthropic-version", ProviderRegistry.DEFAULT_ANTHROPIC_VERSION);
    }
    call.apiKey().ifPresent(key -> headers.put("x-api-key", key));
    if (!betas.isEmpty()) {
      String betaKey = headers.keySet().stream().filter("anthropic-beta"::equalsIgnoreCase).findFirst().orElse("anthropic-beta");
      String existing = headers.get(betaKey);
      String wanted = String.join(",", betas);
      headers.put(betaKey, existing == null || existing.isBlank() ? wanted : existing + "," + wanted);
    }
    return headers;
  }
}
