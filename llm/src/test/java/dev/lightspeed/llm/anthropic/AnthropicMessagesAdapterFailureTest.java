package dev.lightspeed.llm.anthropic;

import static dev.lightspeed.llm.anthropic.AnthropicTestBed.KEY;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.OTHER_KEY;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.SESSION;
import static dev.lightspeed.llm.anthropic.AnthropicTestBed.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.testkit.provider.AnthropicErrors;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Errors, retries, key rotation and cancellation, over real HTTP and through {@link LlmService}. */
class AnthropicMessagesAdapterFailureTest {
  private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5);
  private static final String TEXT_STREAM = "anthropic-messages/text-stream";

  private final AnthropicTestBed bed = new AnthropicTestBed();

  @AfterEach
  void tearDown() {
    bed.close();
  }

  private LlmRequest question() {
    return request(1, "claude-sonnet-4-5", List.of(bed.user(1, "What is 1+1? Answer with just the number.")));
  }

  private GenerationResult generateThroughService(String... keys) {
    LlmService service = new LlmService(ProviderRegistry.of(bed.provider(keys)), List.of(bed.adapter), bed.blobs, bed.http, FAST, bed.live);
    return service.generate(question(), new EffectContext("default", SESSION, 1, bed.aborted::get));
  }

  private static void assertAnswered(GenerationResult result) {
    assertThat(result).isInstanceOfSatisfying(GenerationResult.Completed.class, done -> {
      assertThat(done.providerResponseId()).isEqualTo("msg_018E1hg8GoVTGEKQY3ovMcSJ");
      assertThat(done.finishReason()).isEqualTo("end_turn");
    });
  }

  @Test
  void overloaded529IsRetriedThenSucceeds() {
    bed.server.enqueue(Fixtures.response("anthropic-messages/errors/error-529-overloaded")).enqueue(Fixtures.response(TEXT_STREAM));

    GenerationResult result = generateThroughService(KEY);

    assertAnswered(result);
    assertThat(bed.server.requestCount()).isEqualTo(2);
  }

  @Test
  void rateLimited429WithRetryAfterIsRetried() {
    bed.server.enqueue(Fixtures.response("anthropic-messages/errors/error-429-rate-limit").withHeader("retry-after", "0.02"))
        .enqueue(Fixtures.response(TEXT_STREAM));

    GenerationResult result = generateThroughService(KEY);

    assertAnswered(result);
    assertThat(bed.server.requests()).extracting(r -> r.header("x-api-key")).containsExactly(KEY, KEY);
  }

  @Test
  void authenticationErrorFailsAtOnceWithAReasonNamingProviderStatusRequestIdAndMessage() {
    bed.server.enqueue(AnthropicErrors.authentication());

    GenerationResult result = generateThroughService(KEY);

    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("anthropic returned HTTP 401 (request req_fake): invalid x-api-key");
    assertThat(bed.read(failed.reason())).isEqualTo("{\"attempts\":1,\"kind\":\"authentication\",\"message\":\"invalid x-api-key\","
        + "\"provider\":\"anthropic\",\"requestId\":\"req_fake\",\"status\":401,\"transient\":false}");
    assertThat(bed.server.requestCount()).isEqualTo(1);
  }

  @Test
  void invalidRequest400IsTerminal() {
    bed.server.enqueue(Fixtures.response("anthropic-messages/errors/error-400-invalid-request"));

    GenerationResult.Failed failed = (GenerationResult.Failed) generateThroughService(KEY);

    String message = "messages.0.content.1: unexpected `tool_use_id` found in `tool_result` blocks: toolu_01GHndag5wQmbzNihYmV2UBj. "
        + "Each `tool_result` block must have a corresponding `tool_use` block in the previous message.";
    assertThat(failed.message()).isEqualTo("anthropic returned HTTP 400 (request req_011CYHyk9NPsBYeGbC9LuDNK): " + message);
    assertThat(bed.read(failed.reason())).contains("\"kind\":\"invalid_request\"", "\"status\":400", "\"transient\":false");
    assertThat(bed.server.requestCount()).isEqualTo(1);
  }

  @Test
  void overloadedErrorEventAfterHttp200IsTransientAndRetried() {
    bed.server.enqueue(Fixtures.response("anthropic-messages/errors/stream-error-overloaded.assembled"));
    assertThatThrownBy(() -> bed.adapter.generate(question(), bed.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("anthropic",
            ProviderError.Transient.Kind.OVERLOADED, 0, "", "Overloaded", Optional.empty())));

    bed.server.enqueue(Fixtures.response("anthropic-messages/errors/stream-error-overloaded.assembled")).enqueue(Fixtures.response(TEXT_STREAM));
    assertAnswered(generateThroughService(KEY));
    assertThat(bed.server.requestCount()).isEqualTo(3);
  }

  @Test
  void droppedStreamIsRetried() {
    bed.server.enqueue(Fixtures.response(TEXT_STREAM).dropConnectionAfterEvents(3)).enqueue(Fixtures.response(TEXT_STREAM));

    assertAnswered(generateThroughService(KEY));
    assertThat(bed.server.requestCount()).isEqualTo(2);
    assertThat(bed.live.text).containsExactly("s-anthropic/1:2");
  }

  @Test
  void streamEndingWithoutMessageStopIsAStreamInterruption() {
    String sse = new String(Fixtures.responseBody(TEXT_STREAM), StandardCharsets.UTF_8);
    bed.server.enqueue(FakeResponse.sse(sse.substring(0, sse.indexOf("event: message_stop"))));

    assertThatThrownBy(() -> bed.adapter.generate(question(), bed.call()))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.error()).isEqualTo(new ProviderError.Transient("anthropic",
            ProviderError.Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: stream ended before message_stop", Optional.empty())));
  }

  @Test
  void rejectedKeyRotatesToTheNextKey() {
    bed.server.enqueue(AnthropicErrors.authentication()).enqueue(Fixtures.response(TEXT_STREAM));

    GenerationResult result = generateThroughService(KEY, OTHER_KEY);

    assertAnswered(result);
    List<RecordedRequest> sent = bed.server.requests();
    assertThat(sent).extracting(r -> r.header("x-api-key")).containsExactly(KEY, OTHER_KEY);
    assertThat(sent).allSatisfy(r -> assertThat(r.headerValues("x-api-key")).hasSize(1));
  }

  @Test
  void abortMidStreamReturnsCancelledPromptly() throws Exception {
    bed.server.enqueue(Fixtures.response(TEXT_STREAM).hangAfterEvents(3));
    CompletableFuture<GenerationResult> pending = CompletableFuture.supplyAsync(() -> {
      try {
        return bed.adapter.generate(question(), bed.call());
      } catch (ProviderException e) {
        throw new IllegalStateException(e);
      }
    });
    bed.server.takeRequest();
    Thread.sleep(100);
    assertThat(pending).isNotDone();

    long start = System.nanoTime();
    bed.aborted.set(true);
    GenerationResult result = pending.get(2, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(result).isEqualTo(new GenerationResult.Cancelled(1));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (bed.server.responsesInFlight() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(bed.server.responsesInFlight()).isZero();
  }
}
