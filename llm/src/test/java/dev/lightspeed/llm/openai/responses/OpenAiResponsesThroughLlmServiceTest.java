package dev.lightspeed.llm.openai.responses;

import static dev.lightspeed.llm.openai.responses.ResponsesHarness.parse;
import static dev.lightspeed.llm.openai.responses.ResponsesHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.testkit.provider.FakeResponse;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OpenAiResponsesAdapter} behind {@link LlmService} with a fast retry policy (10 ms doubling to 50 ms,
 * 5 attempts): which failures are retried, rotated or reported, as the provider's recorded errors arrive.
 */
class OpenAiResponsesThroughLlmServiceTest {
  private final ResponsesHarness h = new ResponsesHarness();
  private final LlmRequest request = request("gpt-5.2", List.of(h.instructions("Answer directly."), h.user("What is 2+2?")));

  @AfterEach
  void closeServer() {
    h.close();
  }

  @Test
  void rateLimitWithRetryAfterIsRetriedThenSucceeds() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/error-429-rate-limit-exceeded"));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    long start = System.nanoTime();
    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    assertThat(result).isInstanceOfSatisfying(GenerationResult.Completed.class, c -> assertThat(c.usage()).isEqualTo(new Usage(20, 10, 0, 0)));
    assertThat(h.server.requestCount()).isEqualTo(2);
    // Retry-After says 2 s; the policy caps every delay at 50 ms.
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
    assertThat(h.server.takeRequest().bodyText()).isEqualTo(h.server.takeRequest().bodyText());
  }

  @Test
  void invalidKeyFailsAtOnceWithAReasonNamingProviderStatusRequestIdAndMessage() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/error-401-invalid-api-key").withHeader("x-request-id", "req_401abc"));

    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    String message = "Incorrect API key provided: ''. You can find your API key at https://platform.openai.com/account/api-keys.";
    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("openai returned HTTP 401 (request req_401abc): " + message);
    String reason = new String(h.blobs.read(ResponsesHarness.UNIVERSE, failed.reason()), StandardCharsets.UTF_8);
    assertThat(parse(reason)).isEqualTo(parse("{\"attempts\":1,\"kind\":\"authentication\",\"message\":\"" + message + "\",\"provider\":\"openai\","
        + "\"requestId\":\"req_401abc\",\"status\":401,\"transient\":false}"));
    assertThat(reason).doesNotContain(ResponsesHarness.KEY);
    assertThat(h.server.requestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorIsRetried() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/error-500-server-error"));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(h.server.requestCount()).isEqualTo(2);
  }

  @Test
  void droppedStreamIsRetried() {
    h.server.enqueue(Fixtures.response("openai-responses/text-stream").dropConnectionAfterEvents(5));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    assertThat(result).isInstanceOfSatisfying(GenerationResult.Completed.class,
        c -> assertThat(h.text(c.outputs().get(0).content())).contains("\"text\":\"2+2 = 4\""));
    assertThat(h.server.requestCount()).isEqualTo(2);
    // The live side channel may have seen the first attempt's delta (the client can lose the bytes that
    // arrived with the broken connection), then the whole second attempt.
    assertThat(h.live.deltas()).endsWith("text:2", "text:+", "text:2", "text: =", "text: ", "text:4").hasSizeBetween(6, 7);
  }

  @Test
  void rejectedKeyIsRotatedToTheNextKey() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/error-401-invalid-api-key"));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.service(h.provider("sk-first", "sk-second")).generate(request, h.effectContext());

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    RecordedRequest first = h.server.takeRequest();
    RecordedRequest second = h.server.takeRequest();
    assertThat(first.headerValues("Authorization")).containsExactly("Bearer sk-first");
    assertThat(second.headerValues("Authorization")).containsExactly("Bearer sk-second");
    assertThat(second.bodyText()).doesNotContain("sk-first").doesNotContain("sk-second");
  }

  @Test
  void responseFailedMidStreamFailsTheGenerationWithoutRetrying() {
    h.server.enqueue(Fixtures.response("openai-responses/errors/stream-failed-context-length-exceeded.assembled"));

    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    String message = "Your input exceeds the context window of this model. Please adjust your input and try again.";
    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("openai call failed: " + message);
    assertThat(parse(new String(h.blobs.read(ResponsesHarness.UNIVERSE, failed.reason()), StandardCharsets.UTF_8))).isEqualTo(parse(
        "{\"attempts\":1,\"kind\":\"context_length_exceeded\",\"message\":\"" + message + "\",\"provider\":\"openai\",\"requestId\":\"\","
            + "\"status\":0,\"transient\":false}"));
    assertThat(h.server.requestCount()).isEqualTo(1);
  }

  @Test
  void serverErrorEventMidStreamIsRetried() {
    h.server.enqueue(FakeResponse.sse(TestStreams.created("resp_err")
        + new String(Fixtures.responseBody("openai-responses/errors/stream-error-server-error.event"), StandardCharsets.UTF_8)));
    h.server.enqueue(Fixtures.response("openai-responses/text-stream"));

    GenerationResult result = h.service(h.provider(ResponsesHarness.KEY)).generate(request, h.effectContext());

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(h.server.requestCount()).isEqualTo(2);
  }
}
