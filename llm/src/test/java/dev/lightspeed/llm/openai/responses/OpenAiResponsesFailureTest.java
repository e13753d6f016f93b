package dev.lightspeed.llm.openai.responses;

import static dev.lightspeed.llm.openai.responses.ResponsesHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.context.EntryKind;
import dev.lightspeed.engine.context.EntryRole;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link OpenAiResponsesAdapter} fails in one attempt: classified errors from HTTP statuses, stream
 * events and broken streams, and cancellation when the abort signal turns true.
 */
class OpenAiResponsesFailureTest {
  private final ResponsesHarness h = new ResponsesHarness();

  @AfterEach
  void closeServer() {
    h.close();
  }

  @Test
  void messageWithAnUnsupportedMediaTypeFailsTerminallyWithoutCallingTheProvider() {
    LlmRequest request = request("gpt-5", List.of(h.message(EntryKind.MESSAGE, EntryRole.USER, "audio/wav", new byte[] {1, 2})));

    assertThatThrownBy(() -> h.adapter.generate(request, h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("openai",
            ProviderError.Terminal.Kind.UNSUPPORTED, 0, "", "context entry 1 is a audio/wav message, which openai:responses cannot send "
                + "(supported: text/*, image/png, image/jpeg, image/webp, image/gif, application/pdf)")));
    assertThat(h.server.requestCount()).isZero();
  }

  @Test
  void streamEndingBeforeResponseCompletedIsATransientInterruption() {
    String sse = sseText("openai-responses/text-stream");
    h.server.enqueue(FakeResponse.sse(sse.substring(0, sse.indexOf("event: response.completed"))));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5.2", List.of(h.user("What is 2+2?"))), h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("openai",
            ProviderError.Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: stream ended before response.completed",
            Optional.empty())));
  }

  @Test
  void errorEventMidStreamIsClassifiedAsQuotaExhausted() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/stream-error-insufficient-quota").withHeader("x-request-id", "req_quota"));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5", List.of(h.user("hi"))), h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("openai",
            ProviderError.Terminal.Kind.QUOTA_EXHAUSTED, 0, "req_quota", "You exceeded your current quota, please check your plan and billing details. "
                + "For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.")));
  }

  @Test
  void responseFailedWithContextLengthExceededIsTerminal() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/stream-failed-context-length-exceeded.assembled"));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5.2", List.of(h.user("hi"))), h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("openai",
            ProviderError.Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, "",
            "Your input exceeds the context window of this model. Please adjust your input and try again.")));
  }

  @Test
  void serverErrorEventMidStreamIsTransient() {
    h.server.enqueue(FakeResponse.sse(TestStreams.created("resp_err") + new String(Fixtures.responseBody(
        "openai-responses/errors/stream-error-server-error.event"), StandardCharsets.UTF_8)));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-5", List.of(h.user("hi"))), h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.isTransient()).isTrue();
          assertThat(((ProviderError.Transient) e.error()).kind()).isEqualTo(ProviderError.Transient.Kind.SERVER_ERROR);
          assertThat(e.error().message()).startsWith("An error occurred while processing your request.");
        });
  }

  @Test
  void httpErrorIsThrownClassifiedWithTheProviderMessage() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/error-400-invalid-value").withHeader("x-request-id", "req_400"));

    assertThatThrownBy(() -> h.adapter.generate(request("gpt-4o", List.of(h.user("hi"))), h.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Terminal("openai",
            ProviderError.Terminal.Kind.INVALID_REQUEST, 400, "req_400",
            "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.")));
  }

  @Test
  void abortMidStreamReturnsCancelledWithinASecond() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream").hangAfterEvents(6));
    Thread aborter = Thread.ofVirtual().start(() -> {
      while (h.live.deltas().size() < 2) sleepOneMilli();
      h.aborted.set(true);
    });

    long start = System.nanoTime();
    GenerationResult result = h.adapter.generate(request("gpt-5.2", List.of(h.user("What is 2+2?"))), h.call());
    long millis = (System.nanoTime() - start) / 1_000_000;

    aborter.join();
    assertThat(result).isEqualTo(new GenerationResult.Cancelled(1));
    assertThat(millis).isLessThan(1000);
    assertThat(h.live.deltas()).containsExactly("text:2", "text:+");
  }

  @Test
  void abortBeforeTheResponseArrivesReturnsCancelled() throws Exception {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream").delayBeforeHeaders(Duration.ofSeconds(5)));
    Thread aborter = Thread.ofVirtual().start(() -> {
      h.server.takeRequest();
      h.aborted.set(true);
    });

    long start = System.nanoTime();
    GenerationResult result = h.adapter.generate(request("gpt-5.2", List.of(h.user("What is 2+2?"))), h.call());

    aborter.join();
    assertThat(result).isEqualTo(new GenerationResult.Cancelled(1));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }

  private static void sleepOneMilli() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String sseText(String id) {
    return new String(Fixtures.responseBody(id), StandardCharsets.UTF_8);
  }
}
