package dev.lightspeed.llm.openai.completions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmService;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.testkit.provider.Fixtures;
import dev.lightspeed.testkit.provider.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Chat Completions adapter behind {@link LlmService}: which failures are retried, rotated or final. */
class OpenAiCompletionsRetryTest {
  private static final String FIXTURES = "openai-chat-completions/";
  private static final String TEXT = FIXTURES + "text-stream-with-usage-2024";
  private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5);

  private final ChatHarness h = new ChatHarness();

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void aRateLimitWithRetryAfterIsRetriedAndThenSucceeds() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-429-rate-limit-exceeded"));
    h.server.enqueue(Fixtures.response(TEXT));

    GenerationResult result = generate(h.openai());

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(((GenerationResult.Completed) result).providerResponseId()).isEqualTo("chatcmpl-ABfw031mOJeYCSHe4yI2ZjOA6kMJL");
    assertThat(h.server.requestCount()).isEqualTo(2);
  }

  @Test
  void anExhaustedQuotaFailsAtOnce() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-429-insufficient-quota").withHeader("x-request-id", "req_quota"));
    h.server.enqueue(Fixtures.response(TEXT));

    var failed = (GenerationResult.Failed) generate(h.openai());

    String message = "You exceeded your current quota, please check your plan and billing details. For more information on this error, "
        + "read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.";
    assertThat(failed.message()).isEqualTo("openai returned HTTP 429 (request req_quota): " + message);
    assertThat(h.read(failed.reason())).isEqualTo("{\"attempts\":1,\"kind\":\"quota_exhausted\",\"message\":\"" + message
        + "\",\"provider\":\"openai\",\"requestId\":\"req_quota\",\"status\":429,\"transient\":false}");
    assertThat(h.server.requestCount()).isEqualTo(1);
  }

  @Test
  void aRejectedKeyFailsAtOnceWithAReasonNamingProviderStatusRequestIdAndMessage() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-401-invalid-api-key").withHeader("x-request-id", "req_401"));
    h.server.enqueue(Fixtures.response(TEXT));

    var failed = (GenerationResult.Failed) generate(h.openai("sk-bad"));

    String message = "Incorrect API key provided: ''. You can find your API key at https://platform.openai.com/account/api-keys.";
    assertThat(failed.turn()).isEqualTo(2);
    assertThat(failed.message()).isEqualTo("openai returned HTTP 401 (request req_401): " + message);
    String reason = h.read(failed.reason());
    assertThat(reason).isEqualTo("{\"attempts\":1,\"kind\":\"authentication\",\"message\":\"" + message
        + "\",\"provider\":\"openai\",\"requestId\":\"req_401\",\"status\":401,\"transient\":false}");
    assertThat(reason).doesNotContain("sk-bad");
    assertThat(h.server.requestCount()).isEqualTo(1);
  }

  @Test
  void aServerErrorIsRetried() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-500-server-error"));
    h.server.enqueue(Fixtures.response(TEXT));

    assertThat(generate(h.openai())).isInstanceOf(GenerationResult.Completed.class);
    assertThat(h.server.requestCount()).isEqualTo(2);
  }

  @Test
  void anExceededContextLengthIsTerminal() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-400-context-length-exceeded"));
    h.server.enqueue(Fixtures.response(TEXT));

    var failed = (GenerationResult.Failed) generate(h.openai());

    String message = "This model's maximum context length is 128000 tokens. However, your messages resulted in 202868 tokens (202767 in "
        + "the messages, 101 in the functions). Please reduce the length of the messages or functions.";
    assertThat(failed.message()).isEqualTo("openai returned HTTP 400: " + message);
    assertThat(h.read(failed.reason())).isEqualTo("{\"attempts\":1,\"kind\":\"context_length_exceeded\",\"message\":\"" + message
        + "\",\"provider\":\"openai\",\"requestId\":\"\",\"status\":400,\"transient\":false}");
    assertThat(h.server.requestCount()).isEqualTo(1);
  }

  @Test
  void aDroppedStreamIsRetried() {
    h.server.enqueue(Fixtures.response(TEXT).dropConnectionAfterEvents(4));
    h.server.enqueue(Fixtures.response(TEXT));

    GenerationResult result = generate(h.openai());

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(h.read(((GenerationResult.Completed) result).outputs().getFirst().content())).startsWith("{\"role\":\"assistant\",\"content\":\"I'm unable");
    assertThat(h.server.requestCount()).isEqualTo(2);
  }

  @Test
  void aRejectedKeyRotatesToTheNextKeyWithoutWaiting() {
    h.server.enqueue(Fixtures.response(FIXTURES + "errors/error-401-invalid-api-key"));
    h.server.enqueue(Fixtures.response(TEXT));

    GenerationResult result = generate(h.openai("sk-first", "sk-second"));

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    List<RecordedRequest> requests = h.server.requests();
    assertThat(requests).extracting(r -> r.header("Authorization")).containsExactly("Bearer sk-first", "Bearer sk-second");
  }

  private GenerationResult generate(ProviderConfig provider) {
    LlmService service = new LlmService(ProviderRegistry.of(provider), List.of(new OpenAiCompletionsAdapter()), h.blobs, h.http, FAST, LiveListener.NONE);
    LlmRequest request = ChatHarness.request(2, provider.id(), "gpt-4o-2024-08-06", Json.Obj.EMPTY, List.of(h.user("What's the weather like in SF?")),
        List.of());
    return service.generate(request, new EffectContext(ChatHarness.UNIVERSE.value(), ChatHarness.SESSION, 1, () -> false));
  }
}
