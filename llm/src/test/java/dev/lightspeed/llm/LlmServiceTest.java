package dev.lightspeed.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderError.Transient;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LlmServiceTest {
  private static final String KEY_1 = "sk-first-key-1111";
  private static final String KEY_2 = "sk-second-key-2222";
  private static final UniverseId UNIVERSE = UniverseId.of("u1");
  private static final ProviderHttp HTTP = new ProviderHttp(HttpClient.newBuilder().build(), Duration.ofSeconds(1));
  private static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 4);
  private static final RetryPolicy SLOW = new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(10), 5);

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final AtomicBoolean aborted = new AtomicBoolean();
  private final EffectContext ctx = new EffectContext(UNIVERSE.value(), "session-1", 3, aborted::get);

  // ---- success and retries -------------------------------------------------------------------------------

  @Test
  void aSuccessfulFirstAttemptIsReturnedAsIs() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenSucceed();
    LlmService service = service(openai(KEY_1), FAST, adapter);

    GenerationResult result = service.generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isEqualTo(adapter.completed.getFirst());
    assertThat(adapter.attempts).hasSize(1);
    ScriptedAdapter.Attempt attempt = adapter.attempts.getFirst();
    assertThat(attempt.key()).contains(KEY_1);
    assertThat(attempt.call().provider().id()).isEqualTo("openai");
    assertThat(attempt.call().session()).isEqualTo("session-1");
    assertThat(attempt.call().universe()).isEqualTo(UNIVERSE);
    assertThat(attempt.call().http()).isSameAs(HTTP);
    assertThat(attempt.call().live()).isSameAs(LiveListener.NONE);
    assertThat(attempt.call().isAborted()).isFalse();
  }

  @Test
  void aKeylessProviderIsCalledWithoutAKey() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:completions").thenSucceed();
    ProviderConfig local = new ProviderConfig("local", URI.create("http://localhost:11434/v1"), KeyRing.none(), Map.of());
    GenerationResult result = service(local, FAST, adapter).generate(request("local", "openai:completions"), ctx);
    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(adapter.attempts.getFirst().key()).isEmpty();
  }

  @Test
  void transientFailuresAreRetriedAfterGrowingDelays() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .thenFail(serverError(Optional.empty()))
        .thenFail(serverError(Optional.empty()))
        .thenSucceed();
    RetryPolicy policy = new RetryPolicy(Duration.ofMillis(40), Duration.ofSeconds(1), 5);

    GenerationResult result = service(openai(KEY_1), policy, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isEqualTo(adapter.completed.getFirst());
    assertThat(adapter.attempts).hasSize(3);
    assertThat(adapter.gapBefore(1)).isBetween(Duration.ofMillis(40), Duration.ofMillis(1000));
    assertThat(adapter.gapBefore(2)).isBetween(Duration.ofMillis(80), Duration.ofMillis(1000));
  }

  @Test
  void retryAfterIsUsedInsteadOfTheComputedDelay() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .thenFail(serverError(Optional.of(Duration.ofMillis(120))))
        .thenSucceed();
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10), 3);

    long start = System.nanoTime();
    GenerationResult result = service(openai(KEY_1), policy, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(adapter.gapBefore(1)).isBetween(Duration.ofMillis(120), Duration.ofMillis(1500));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void itGivesUpAfterMaxAttemptsWithAReasonBlob() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .alwaysFail(new Transient("openai", Transient.Kind.SERVER_ERROR, 500, "req_9", "boom", Optional.empty()));

    GenerationResult result = service(openai(KEY_1), FAST, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(adapter.attempts).hasSize(4);
    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.turn()).isEqualTo(7);
    assertThat(failed.message()).isEqualTo("openai returned HTTP 500 (request req_9): boom (gave up after 4 attempts)");
    assertThat(text(failed.reason())).isEqualTo(
        "{\"attempts\":4,\"kind\":\"server_error\",\"message\":\"boom\",\"provider\":\"openai\",\"requestId\":\"req_9\",\"status\":500,\"transient\":true}");
  }

  @Test
  void aTerminalFailureFailsAtOnce() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .thenFail(new Terminal("openai", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 400, "", "too long"));

    GenerationResult result = service(openai(KEY_1, KEY_2), SLOW, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(adapter.attempts).hasSize(1);
    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("openai returned HTTP 400: too long");
    assertThat(text(failed.reason())).isEqualTo(
        "{\"attempts\":1,\"kind\":\"context_length_exceeded\",\"message\":\"too long\",\"provider\":\"openai\",\"requestId\":\"\",\"status\":400,\"transient\":false}");
  }

  // ---- key rotation ----------------------------------------------------------------------------------------

  @Test
  void aRejectedKeyRotatesToTheNextKeyWithoutSleeping() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .thenFail(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "", "Incorrect API key provided"))
        .thenSucceed();
    ProviderConfig openai = openai(KEY_1, KEY_2);

    long start = System.nanoTime();
    GenerationResult result = service(openai, SLOW, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(adapter.attempts).extracting(ScriptedAdapter.Attempt::key).containsExactly(Optional.of(KEY_1), Optional.of(KEY_2));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(openai.keys().current()).contains(KEY_2);
  }

  @Test
  void aRateLimitedKeyRotatesToTheNextKeyWithoutSleeping() {
    ScriptedAdapter adapter = new ScriptedAdapter("anthropic:messages")
        .thenFail(new Transient("anthropic", Transient.Kind.RATE_LIMITED, 429, "req_r", "rate limited", Optional.of(Duration.ofSeconds(30))))
        .thenSucceed();
    ProviderConfig anthropic = new ProviderConfig("anthropic", URI.create("https://api.anthropic.com"), KeyRing.of(List.of(KEY_1, KEY_2)), Map.of());

    long start = System.nanoTime();
    GenerationResult result = service(anthropic, SLOW, adapter).generate(request("anthropic", "anthropic:messages"), ctx);

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(adapter.attempts).extracting(ScriptedAdapter.Attempt::key).containsExactly(Optional.of(KEY_1), Optional.of(KEY_2));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void whenEveryKeyIsRejectedTheGenerationFails() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .alwaysFail(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "", "Incorrect API key provided"));

    GenerationResult result = service(openai(KEY_1, KEY_2), SLOW, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(adapter.attempts).extracting(ScriptedAdapter.Attempt::key).containsExactly(Optional.of(KEY_1), Optional.of(KEY_2));
    assertThat(((GenerationResult.Failed) result).message()).isEqualTo("openai returned HTTP 401: Incorrect API key provided");
  }

  @Test
  void aRateLimitOnTheLastKeyWaitsThenRetriesWithTheCurrentKey() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses")
        .thenFail(rateLimited(Duration.ofMillis(600)))
        .thenFail(rateLimited(Duration.ofMillis(600)))
        .thenSucceed();

    GenerationResult result = service(openai(KEY_1, KEY_2), SLOW, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isInstanceOf(GenerationResult.Completed.class);
    assertThat(adapter.attempts).extracting(ScriptedAdapter.Attempt::key).containsExactly(Optional.of(KEY_1), Optional.of(KEY_2), Optional.of(KEY_2));
    // Retry-After is long enough that a busy machine's scheduling noise cannot blur "no wait" and "waited".
    assertThat(adapter.gapBefore(1)).isLessThan(Duration.ofMillis(600));
    assertThat(adapter.gapBefore(2)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  // ---- resolution ----------------------------------------------------------------------------------------

  @Test
  void anUnknownProviderFailsNamingTheEnvironmentVariables() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenSucceed();

    GenerationResult result = service(openai(KEY_1), FAST, adapter).generate(request("mystery", "openai:responses"), ctx);

    String message = "provider \"mystery\" is not configured; set OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_BASE_URL, "
        + "or list it in LIGHTSPEED_PROVIDERS with LIGHTSPEED_PROVIDER_<ID>_BASE_URL";
    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo(message);
    assertThat(text(failed.reason())).isEqualTo("{\"error\":\"" + message.replace("\"", "\\\"") + "\"}");
    assertThat(adapter.attempts).isEmpty();
  }

  @Test
  void anUnsupportedApiKindFailsListingTheSupportedKinds() {
    ScriptedAdapter responses = new ScriptedAdapter("openai:responses").thenSucceed();
    ScriptedAdapter messages = new ScriptedAdapter("anthropic:messages").thenSucceed();
    LlmService service = new LlmService(ProviderRegistry.of(openai(KEY_1)), List.of(responses, messages), blobs, HTTP, FAST, LiveListener.NONE);

    GenerationResult result = service.generate(request("openai", "google:gemini"), ctx);

    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("API kind \"google:gemini\" is not supported (supported: anthropic:messages, openai:responses)");
    assertThat(text(failed.reason())).isEqualTo("{\"error\":\"API kind \\\"google:gemini\\\" is not supported (supported: anthropic:messages, openai:responses)\"}");
    assertThat(responses.attempts).isEmpty();
    assertThat(messages.attempts).isEmpty();
  }

  // ---- abort ---------------------------------------------------------------------------------------------

  @Test
  void anAbortDuringTheBackoffSleepCancelsPromptly() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").alwaysFail(serverError(Optional.empty()));
    long[] abortedAt = new long[1];
    Thread.ofVirtual().start(() -> {
      sleep(100);
      abortedAt[0] = System.nanoTime();
      aborted.set(true);
    });

    GenerationResult result = service(openai(KEY_1), SLOW, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(result).isEqualTo(new GenerationResult.Cancelled(7));
    // the backoff is 10 s: ending within 3 s shows the abort cut it short, even on a busy machine
    assertThat(Duration.ofNanos(System.nanoTime() - abortedAt[0])).isLessThan(Duration.ofSeconds(3));
    assertThat(adapter.attempts).hasSize(1);
  }

  @Test
  void anAbortBeforeTheFirstAttemptCallsNothing() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenSucceed();
    aborted.set(true);
    assertThat(service(openai(KEY_1), FAST, adapter).generate(request("openai", "openai:responses"), ctx)).isEqualTo(new GenerationResult.Cancelled(7));
    assertThat(adapter.attempts).isEmpty();
  }

  @Test
  void aCancellationFromTheAdapterIsCancelled() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").then(call -> {
      throw new CancellationException("aborted before the response arrived");
    });
    assertThat(service(openai(KEY_1), FAST, adapter).generate(request("openai", "openai:responses"), ctx)).isEqualTo(new GenerationResult.Cancelled(7));
  }

  @Test
  void aFailureCausedByTheAbortIsCancelledNotFailed() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").then(call -> {
      aborted.set(true);
      throw new ProviderException(new Transient("openai", Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: closed", Optional.empty()));
    });
    assertThat(service(openai(KEY_1), SLOW, adapter).generate(request("openai", "openai:responses"), ctx)).isEqualTo(new GenerationResult.Cancelled(7));
    assertThat(adapter.attempts).hasSize(1);
  }

  // ---- secrets ---------------------------------------------------------------------------------------------

  @Test
  void theReasonBlobAndMessageNeverContainTheApiKey() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:completions").alwaysFail(call ->
        new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "", "Incorrect API key provided: " + call.apiKey().orElseThrow() + "."));

    GenerationResult result = service(openai(KEY_1, KEY_2), SLOW, adapter).generate(request("openai", "openai:completions"), ctx);

    GenerationResult.Failed failed = (GenerationResult.Failed) result;
    assertThat(failed.message()).isEqualTo("openai returned HTTP 401: Incorrect API key provided: [redacted].");
    String reason = text(failed.reason());
    assertThat(reason).isEqualTo(
        "{\"attempts\":2,\"kind\":\"authentication\",\"message\":\"Incorrect API key provided: [redacted].\",\"provider\":\"openai\",\"requestId\":\"\",\"status\":401,\"transient\":false}");
    byte[] bytes = blobs.read(UNIVERSE, failed.reason());
    for (String key : List.of(KEY_1, KEY_2)) {
      assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(key);
      assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(key);
    }
  }

  @Test
  void aGiveUpReasonBlobNeverContainsTheApiKey() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").alwaysFail(call ->
        new Transient("openai", Transient.Kind.SERVER_ERROR, 502, "", "upstream rejected bearer " + call.apiKey().orElseThrow(), Optional.empty()));

    GenerationResult.Failed failed = (GenerationResult.Failed) service(openai(KEY_1), FAST, adapter).generate(request("openai", "openai:responses"), ctx);

    assertThat(failed.message()).isEqualTo("openai returned HTTP 502: upstream rejected bearer [redacted] (gave up after 4 attempts)");
    assertThat(new String(blobs.read(UNIVERSE, failed.reason()), StandardCharsets.UTF_8)).doesNotContain(KEY_1).contains("[redacted]");
  }

  // ---- compaction ----------------------------------------------------------------------------------------

  @Test
  void aCompactionIsRetriedLikeAGeneration() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenFail(serverError(Optional.empty())).thenSucceed();

    CompactionResult result = service(openai(KEY_1), FAST, adapter).compact(compaction("openai", "openai:responses"), ctx);

    assertThat(result).isEqualTo(new CompactionResult.Completed(11, List.of(), Usage.ZERO));
    assertThat(adapter.attempts).hasSize(2);
  }

  @Test
  void aFailedCompactionCarriesTheReason() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenFail(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 400, "req_c", "bad input"));

    CompactionResult.Failed failed = (CompactionResult.Failed) service(openai(KEY_1), FAST, adapter).compact(compaction("openai", "openai:responses"), ctx);

    assertThat(failed.compaction()).isEqualTo(11);
    assertThat(failed.message()).isEqualTo("openai returned HTTP 400 (request req_c): bad input");
    assertThat(text(failed.reason())).isEqualTo(
        "{\"attempts\":1,\"kind\":\"invalid_request\",\"message\":\"bad input\",\"provider\":\"openai\",\"requestId\":\"req_c\",\"status\":400,\"transient\":false}");
  }

  @Test
  void anAbortedCompactionFails() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenSucceed();
    aborted.set(true);

    CompactionResult.Failed failed = (CompactionResult.Failed) service(openai(KEY_1), FAST, adapter).compact(compaction("openai", "openai:responses"), ctx);

    assertThat(failed.message()).isEqualTo("the compaction was aborted");
    assertThat(text(failed.reason())).isEqualTo("{\"error\":\"compaction aborted\"}");
  }

  @Test
  void aCompactionForAnUnknownProviderFails() {
    ScriptedAdapter adapter = new ScriptedAdapter("openai:responses").thenSucceed();
    CompactionResult.Failed failed = (CompactionResult.Failed) service(openai(KEY_1), FAST, adapter).compact(compaction("nope", "openai:responses"), ctx);
    assertThat(failed.message()).startsWith("provider \"nope\" is not configured; ");
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private LlmService service(ProviderConfig provider, RetryPolicy retry, ProviderAdapter adapter) {
    return new LlmService(ProviderRegistry.of(provider), List.of(adapter), blobs, HTTP, retry, LiveListener.NONE);
  }

  private static ProviderConfig openai(String... keys) {
    return new ProviderConfig("openai", URI.create("https://api.openai.com/v1"), KeyRing.of(List.of(keys)), Map.of());
  }

  private static LlmRequest request(String provider, String apiKind) {
    return new LlmRequest(3, 7, new ModelRef(provider, apiKind, "model-x"), Json.Obj.EMPTY, CompactionPolicy.DISABLED, List.of(), List.of(), "fp");
  }

  private static CompactionRequest compaction(String provider, String apiKind) {
    return new CompactionRequest(11, new ModelRef(provider, apiKind, "model-x"), CompactionPolicy.DISABLED, List.of(), List.of());
  }

  private static Transient serverError(Optional<Duration> retryAfter) {
    return new Transient("openai", Transient.Kind.SERVER_ERROR, 503, "", "unavailable", retryAfter);
  }

  private static Transient rateLimited(Duration retryAfter) {
    return new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "", "slow down", Optional.of(retryAfter));
  }

  private String text(BlobRef ref) {
    return new String(blobs.read(UNIVERSE, ref), StandardCharsets.UTF_8);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A provider adapter that plays a script: each attempt takes the next step (the last "always" step
   * repeats), and every attempt is recorded with its key and time.
   */
  private static final class ScriptedAdapter implements ProviderAdapter {
    @FunctionalInterface
    interface Step {
      /** Returns normally for success, or throws. */
      void run(ProviderCall call) throws ProviderException;
    }

    @FunctionalInterface
    interface ErrorFor {
      ProviderError errorFor(ProviderCall call);
    }

    record Attempt(Optional<String> key, long nanos, ProviderCall call) {}

    private final String apiKind;
    private final Deque<Step> steps = new ArrayDeque<>();
    private Step always;
    final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<GenerationResult.Completed> completed = Collections.synchronizedList(new ArrayList<>());

    ScriptedAdapter(String apiKind) {
      this.apiKind = apiKind;
    }

    ScriptedAdapter then(Step step) {
      steps.add(step);
      return this;
    }

    ScriptedAdapter thenSucceed() {
      return then(call -> {});
    }

    ScriptedAdapter thenFail(ProviderError error) {
      return then(call -> {
        throw new ProviderException(error);
      });
    }

    ScriptedAdapter alwaysFail(ProviderError error) {
      return alwaysFail(call -> error);
    }

    ScriptedAdapter alwaysFail(ErrorFor error) {
      always = call -> {
        throw new ProviderException(error.errorFor(call));
      };
      return this;
    }

    Duration gapBefore(int attempt) {
      return Duration.ofNanos(attempts.get(attempt).nanos() - attempts.get(attempt - 1).nanos());
    }

    @Override
    public String apiKind() {
      return apiKind;
    }

    @Override
    public GenerationResult generate(LlmRequest request, ProviderCall call) throws ProviderException {
      play(call);
      GenerationResult.Completed done = new GenerationResult.Completed(request.turn(), call.put("{\"id\":\"resp_1\"}".getBytes(StandardCharsets.UTF_8)),
          "completed", new Usage(10, 2, 0, 0), List.of(), List.of(), "resp_1");
      completed.add(done);
      return done;
    }

    @Override
    public CompactionResult compact(CompactionRequest request, ProviderCall call) throws ProviderException {
      play(call);
      return new CompactionResult.Completed(request.compaction(), List.of(), Usage.ZERO);
    }

    private void play(ProviderCall call) throws ProviderException {
      attempts.add(new Attempt(call.apiKey(), System.nanoTime(), call));
      Step step = steps.isEmpty() ? always : steps.poll();
      if (step == null) throw new AssertionError("unscripted attempt " + attempts.size());
      step.run(call);
    }
  }
}
