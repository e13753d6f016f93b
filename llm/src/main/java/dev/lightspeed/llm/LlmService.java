package dev.lightspeed.llm;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The engine's {@link LlmPort} backed by real providers: picks the adapter by the session's API kind and
 * the provider by its id, and retries transient failures with exponential backoff (honouring Retry-After,
 * abortable). A rate-limited or rejected key is rotated to the provider's next key first, without waiting.
 * Terminal failures and exhausted retries become a failed generation whose reason blob names the
 * provider, status, request id and message; keys never appear in it (a key the provider echoes back is
 * replaced by {@code [redacted]}).
 */
public final class LlmService implements LlmPort {
  private static final System.Logger LOG = System.getLogger(LlmService.class.getName());

  private final ProviderRegistry providers;
  private final Map<String, ProviderAdapter> adapters = new HashMap<>();
  private final BlobStore blobs;
  private final ProviderHttp http;
  private final RetryPolicy retry;
  private final LiveListener live;
  private final McpTokens mcpTokens;

  /** A service whose provider-run MCP servers have no tokens. */
  public LlmService(ProviderRegistry providers, List<ProviderAdapter> adapters, BlobStore blobs, ProviderHttp http, RetryPolicy retry, LiveListener live) {
    this(providers, adapters, blobs, http, retry, live, McpTokens.NONE);
  }

  /** @param mcpTokens where the bearer tokens of provider-run MCP servers are looked up, just before each request */
  public LlmService(ProviderRegistry providers, List<ProviderAdapter> adapters, BlobStore blobs, ProviderHttp http, RetryPolicy retry,
      LiveListener live, McpTokens mcpTokens) {
    this.providers = Objects.requireNonNull(providers, "providers");
    for (ProviderAdapter a : adapters) this.adapters.put(a.apiKind(), a);
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.http = Objects.requireNonNull(http, "http");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.live = Objects.requireNonNull(live, "live");
    this.mcpTokens = Objects.requireNonNull(mcpTokens, "mcpTokens");
  }

  @Override
  public GenerationResult generate(LlmRequest request, EffectContext ctx) {
    try {
      return generate(request, ctx, false);
    } catch (ProviderException e) {
      throw new IllegalStateException("in-process retries never hand a transient error back", e);
    }
  }

  /**
   * One attempt, for hosts that retry transient failures themselves (the Temporal activity): a rejected or
   * rate-limited key is still rotated at once, terminal failures still become a failed generation, but a
   * transient failure is thrown, keys redacted, carrying the provider's Retry-After.
   */
  public GenerationResult generateOnce(LlmRequest request, EffectContext ctx) throws ProviderException {
    return generate(request, ctx, true);
  }

  private GenerationResult generate(LlmRequest request, EffectContext ctx, boolean hostRetries) throws ProviderException {
    UniverseId universe = UniverseId.of(ctx.universe());
    Resolved resolved = resolve(request.model(), universe);
    if (resolved.failure != null) return new GenerationResult.Failed(request.turn(), resolved.failure, resolved.failureMessage);
    Outcome<GenerationResult> outcome = withRetries(resolved, call(resolved.provider, universe, ctx),
        c -> resolved.adapter.generate(request, c), ctx, hostRetries);
    return switch (outcome) {
      case Outcome.Done<GenerationResult> done -> done.value();
      case Outcome.Aborted<GenerationResult> aborted -> new GenerationResult.Cancelled(request.turn());
      case Outcome.Failed<GenerationResult> failed -> new GenerationResult.Failed(request.turn(), reasonBlob(universe, failed), failed.message());
      case Outcome.RetryLater<GenerationResult> later -> throw new ProviderException(later.error());
    };
  }

  @Override
  public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
    try {
      return compact(request, ctx, false);
    } catch (ProviderException e) {
      throw new IllegalStateException("in-process retries never hand a transient error back", e);
    }
  }

  /** One compaction attempt for hosts that retry themselves; see {@link #generateOnce}. */
  public CompactionResult compactOnce(CompactionRequest request, EffectContext ctx) throws ProviderException {
    return compact(request, ctx, true);
  }

  private CompactionResult compact(CompactionRequest request, EffectContext ctx, boolean hostRetries) throws ProviderException {
    UniverseId universe = UniverseId.of(ctx.universe());
    Resolved resolved = resolve(request.model(), universe);
    if (resolved.failure != null) return new CompactionResult.Failed(request.compaction(), resolved.failure, resolved.failureMessage);
    Outcome<CompactionResult> outcome = withRetries(resolved, call(resolved.provider, universe, ctx),
        c -> resolved.adapter.compact(request, c), ctx, hostRetries);
    return switch (outcome) {
      case Outcome.Done<CompactionResult> done -> done.value();
      case Outcome.Aborted<CompactionResult> aborted -> new CompactionResult.Failed(request.compaction(),
          put(universe, "{\"error\":\"compaction aborted\"}"), "the compaction was aborted");
      case Outcome.Failed<CompactionResult> failed -> new CompactionResult.Failed(request.compaction(), reasonBlob(universe, failed), failed.message());
      case Outcome.RetryLater<CompactionResult> later -> throw new ProviderException(later.error());
    };
  }

  // ---- retries ------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Attempt<T> {
    T run(ProviderCall call) throws ProviderException;
  }

  private sealed interface Outcome<T> {
    record Done<T>(T value) implements Outcome<T> {}

    record Aborted<T>() implements Outcome<T> {}

    record Failed<T>(ProviderError error, int attempts, String message) implements Outcome<T> {}

    /** A transient failure handed back to a host that retries itself. */
    record RetryLater<T>(ProviderError.Transient error) implements Outcome<T> {}
  }

  private <T> Outcome<T> withRetries(Resolved resolved, ProviderCall first, Attempt<T> attempt, EffectContext ctx, boolean hostRetries) {
    KeyRing keys = resolved.provider.keys();
    ProviderCall call = first;
    int rotationsLeft = Math.max(0, keys.size() - 1);
    Set<String> keysUsed = new LinkedHashSet<>();
    for (int n = 1; ; n++) {
      if (ctx.aborted()) return new Outcome.Aborted<>();
      call.apiKey().ifPresent(keysUsed::add);
      ProviderError error;
      try {
        return new Outcome.Done<>(attempt.run(call));
      } catch (CancellationException e) {
        return new Outcome.Aborted<>();
      } catch (ProviderException e) {
        if (ctx.aborted()) return new Outcome.Aborted<>();
        error = e.error().redacted(keysUsed);
      }
      boolean keyProblem = error instanceof ProviderError.Terminal t && t.kind() == ProviderError.Terminal.Kind.AUTHENTICATION
          || error instanceof ProviderError.Transient t2 && t2.kind() == ProviderError.Transient.Kind.RATE_LIMITED;
      if (keyProblem && rotationsLeft > 0 && call.apiKey().isPresent()) {
        rotationsLeft--;
        keys.rotateFrom(call.apiKey().get());
        LOG.log(System.Logger.Level.WARNING, "{0}; rotating to the next API key of provider {1}", error.describe(), resolved.provider.id());
        call = call.withApiKey(keys.current());
        continue;
      }
      if (error instanceof ProviderError.Terminal) return new Outcome.Failed<>(error, n, error.describe());
      ProviderError.Transient transientError = (ProviderError.Transient) error;
      if (hostRetries) return new Outcome.RetryLater<>(transientError);
      if (n >= retry.maxAttempts()) {
        return new Outcome.Failed<>(error, n, error.describe() + " (gave up after " + n + " attempts)");
      }
      Duration delay = retry.delayAfter(n, transientError.retryAfter());
      LOG.log(System.Logger.Level.INFO, "{0}; retrying in {1} ms (attempt {2} of {3})", error.describe(), delay.toMillis(), n + 1, retry.maxAttempts());
      if (!sleep(delay, ctx)) return new Outcome.Aborted<>();
      rotationsLeft = Math.max(0, keys.size() - 1);
      call = call.withApiKey(keys.current());
    }
  }

  private static boolean sleep(Duration delay, EffectContext ctx) {
    long deadline = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < deadline) {
      if (ctx.aborted()) return false;
      try {
        Thread.sleep(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !ctx.aborted();
  }

  // ---- resolution ---------------------------------------------------------------------------------------

  private record Resolved(ProviderConfig provider, ProviderAdapter adapter, BlobRef failure, String failureMessage) {}

  private Resolved resolve(ModelRef model, UniverseId universe) {
    Optional<ProviderConfig> provider = providers.find(model.providerId());
    if (provider.isEmpty()) {
      String message = "provider \"" + model.providerId() + "\" is not configured; set OPENAI_API_KEY, ANTHROPIC_API_KEY, "
          + "OPENAI_BASE_URL, or list it in LIGHTSPEED_PROVIDERS with LIGHTSPEED_PROVIDER_<ID>_BASE_URL";
      return new Resolved(null, null, put(universe, CanonicalJson.write(Json.Obj.builder().put("error", message).build())), message);
    }
    ProviderAdapter adapter = adapters.get(model.apiKind());
    if (adapter == null) {
      String message = "API kind \"" + model.apiKind() + "\" is not supported (supported: " + String.join(", ", adapters.keySet().stream().sorted().toList()) + ")";
      return new Resolved(null, null, put(universe, CanonicalJson.write(Json.Obj.builder().put("error", message).build())), message);
    }
    return new Resolved(provider.get(), adapter, null, null);
  }

  private ProviderCall call(ProviderConfig provider, UniverseId universe, EffectContext ctx) {
    return new ProviderCall(provider, provider.keys().current(), http, blobs, universe, ctx.session(), live, ctx::aborted, mcpTokens);
  }

  private BlobRef reasonBlob(UniverseId universe, Outcome.Failed<?> failed) {
    ProviderError e = failed.error();
    Json.Obj.Builder b = Json.Obj.builder()
        .put("provider", e.provider())
        .put("status", e.status())
        .put("requestId", e.requestId())
        .put("message", e.message())
        .put("attempts", failed.attempts());
    switch (e) {
      case ProviderError.Transient t -> b.put("kind", t.kind().name().toLowerCase(Locale.ROOT)).put("transient", true);
      case ProviderError.Terminal t -> b.put("kind", t.kind().name().toLowerCase(Locale.ROOT)).put("transient", false);
    }
    return put(universe, CanonicalJson.write(b.build()));
  }

  private BlobRef put(UniverseId universe, String text) {
    return blobs.put(universe, text.getBytes(StandardCharsets.UTF_8));
  }
}
