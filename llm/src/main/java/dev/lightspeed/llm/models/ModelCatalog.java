package dev.lightspeed.llm.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.config.ConfigurationException;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ErrorClassifier;
import dev.lightspeed.llm.http.OpenResponse;
import dev.lightspeed.llm.http.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The models each configured provider offers, read from the provider's models endpoint and cached per
 * provider for a time-to-live (10 minutes by default).
 *
 * <p>Two API styles are spoken, chosen by {@link ApiStyle#of}: OpenAI-style {@code GET {baseUrl}/models}
 * (OpenAI and every OpenAI-compatible server: Ollama, vLLM, llama.cpp), authenticated with
 * {@code Authorization: Bearer <key>} unless the provider is keyless; and Anthropic
 * {@code GET {baseUrl}/v1/models} with {@code x-api-key} and {@code anthropic-version}, following
 * {@code has_more}/{@code last_id} paging with {@code after_id}. The provider's extra headers are sent with
 * both. Models come back in the provider's order.
 *
 * <p>A listing makes one attempt with the provider's current key: there are no retries and no key
 * rotation, and failures are not cached, so the next call asks again. Safe for concurrent use; two callers
 * that miss the cache for the same provider at the same time may both fetch, and the later answer is kept.
 */
public final class ModelCatalog {
  /** How long a provider's listing is reused before it is fetched again: 10 minutes. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  /** Anthropic's page size limit; fewer pages means fewer requests. */
  private static final int ANTHROPIC_PAGE_SIZE = 1000;
  /** A guard against a server that keeps saying {@code has_more}. */
  private static final int MAX_PAGES = 100;
  private static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderRegistry providers;
  private final ProviderHttp http;
  private final Duration ttl;
  private final InstantSource clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Instant fetchedAt, List<ModelInfo> models) {}

  /** Which models endpoint a provider has. */
  public enum ApiStyle {
    /** {@code GET {baseUrl}/models}, answering {@code {"data":[{"id","created","owned_by"}]}}. */
    OPENAI,
    /** {@code GET {baseUrl}/v1/models}, answering pages of {@code {"data":[{"id","display_name","created_at"}],"has_more","last_id"}}. */
    ANTHROPIC;

    /** {@return {@link #ANTHROPIC} for the {@code anthropic} provider or any provider at {@code api.anthropic.com}, else {@link #OPENAI}} */
    public static ApiStyle of(ProviderConfig provider) {
      String host = provider.baseUrl().getHost();
      boolean anthropic = provider.id().equals("anthropic") || host != null && host.toLowerCase(Locale.ROOT).equals("api.anthropic.com");
      return anthropic ? ANTHROPIC : OPENAI;
    }
  }

  /** A catalog over {@code providers} with the {@link #DEFAULT_TTL} and the system clock. */
  public ModelCatalog(ProviderRegistry providers, ProviderHttp http) {
    this(providers, http, DEFAULT_TTL, InstantSource.system());
  }

  /**
   * A catalog that reuses each provider's listing for {@code ttl} as measured by {@code clock}.
   *
   * @param ttl how long a listing stays fresh; zero disables caching
   * @throws IllegalArgumentException when {@code ttl} is negative
   */
  public ModelCatalog(ProviderRegistry providers, ProviderHttp http, Duration ttl, InstantSource clock) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.http = Objects.requireNonNull(http, "http");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative()) throw new IllegalArgumentException("ttl < 0: " + ttl);
  }

  /**
   * {@return the models of provider {@code providerId}} Same as {@link #list(String, BooleanSupplier)} with
   * no abort signal.
   */
  public List<ModelInfo> list(String providerId) throws ProviderException {
    return list(providerId, () -> false);
  }

  /**
   * {@return the models of provider {@code providerId}, from the cache while fresh, else from the provider}
   *
   * @throws ConfigurationException when no provider {@code providerId} is configured; the message names
   *     the environment variables that configure one
   * @throws ProviderException classified as by {@link ErrorClassifier}: HTTP errors, timeouts, broken
   *     connections; a 2xx answer that is not a model list is a terminal {@code UNSUPPORTED}
   * @throws CancellationException when {@code aborted} turned true while the listing was fetched
   */
  public List<ModelInfo> list(String providerId, BooleanSupplier aborted) throws ProviderException {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(aborted, "aborted");
    ProviderConfig provider = providers.find(providerId).orElseThrow(() -> new ConfigurationException("provider \"" + providerId
        + "\" is not configured; set OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_BASE_URL, or list it in LIGHTSPEED_PROVIDERS with "
        + "LIGHTSPEED_PROVIDER_<ID>_BASE_URL"));
    Cached cached = cache.get(providerId);
    if (cached != null && clock.instant().isBefore(cached.fetchedAt().plus(ttl))) return cached.models();
    Instant fetchedAt = clock.instant();
    List<ModelInfo> models = switch (ApiStyle.of(provider)) {
      case OPENAI -> fetchOpenAi(provider, aborted);
      case ANTHROPIC -> fetchAnthropic(provider, aborted);
    };
    if (!ttl.isZero()) cache.put(providerId, new Cached(fetchedAt, models));
    return models;
  }

  /** Forgets the cached listing of {@code providerId}, so the next {@link #list} asks the provider. */
  public void invalidate(String providerId) {
    cache.remove(providerId);
  }

  /** Forgets every cached listing. */
  public void invalidateAll() {
    cache.clear();
  }

  // ---- fetching ------------------------------------------------------------------------------------------

  private List<ModelInfo> fetchOpenAi(ProviderConfig provider, BooleanSupplier aborted) throws ProviderException {
    Map<String, String> headers = baseHeaders(provider);
    provider.keys().current().ifPresent(key -> headers.put("authorization", "Bearer " + key));
    JsonNode page = fetch(provider, provider.resolve("/models"), headers, aborted);
    List<ModelInfo> models = new ArrayList<>();
    addModels(provider, page, models);
    return List.copyOf(models);
  }

  private List<ModelInfo> fetchAnthropic(ProviderConfig provider, BooleanSupplier aborted) throws ProviderException {
    Map<String, String> headers = baseHeaders(provider);
    headers.putIfAbsent("anthropic-version", ProviderRegistry.DEFAULT_ANTHROPIC_VERSION);
    provider.keys().current().ifPresent(key -> headers.put("x-api-key", key));
    List<ModelInfo> models = new ArrayList<>();
    String afterId = null;
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      String query = "?limit=" + ANTHROPIC_PAGE_SIZE + (afterId == null ? "" : "&after_id=" + URLEncoder.encode(afterId, StandardCharsets.UTF_8));
      JsonNode page = fetch(provider, provider.resolve("/v1/models" + query), headers, aborted);
      addModels(provider, page, models);
      String lastId = page.path("last_id").isTextual() ? page.get("last_id").asText() : lastIdOf(page);
      if (!page.path("has_more").asBoolean(false) || lastId.isEmpty() || lastId.equals(afterId)) break;
      afterId = lastId;
    }
    return List.copyOf(models);
  }

  private JsonNode fetch(ProviderConfig provider, URI uri, Map<String, String> headers, BooleanSupplier aborted) throws ProviderException {
    byte[] body;
    String requestId;
    int status;
    try (OpenResponse response = http.get(provider.id(), uri, headers, aborted)) {
      requestId = response.requestId();
      status = response.status();
      body = response.body().readNBytes(MAX_BODY_BYTES);
    } catch (IOException e) {
      if (aborted.getAsBoolean()) throw new CancellationException("aborted while reading the models list");
      throw new ProviderException(ErrorClassifier.fromIo(provider.id(), e, true), e);
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException notJson) {
      root = null;
    }
    if (root == null || !root.path("data").isArray()) {
      String shown = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
      if (shown.length() > 200) shown = shown.substring(0, 200) + "\u2026";
      throw new ProviderException(new ProviderError.Terminal(provider.id(), ProviderError.Terminal.Kind.UNSUPPORTED, status, requestId,
          "GET " + uri.getPath() + " did not answer with a model list: " + (shown.isEmpty() ? "no response body" : shown)));
    }
    return root;
  }

  // ---- parsing -------------------------------------------------------------------------------------------

  /** Adds the page's models; entries without a string {@code id} are skipped. */
  private static void addModels(ProviderConfig provider, JsonNode page, List<ModelInfo> into) {
    for (JsonNode m : page.get("data")) {
      if (!m.path("id").isTextual()) continue;
      String id = m.get("id").asText();
      String displayName = firstText(m, "display_name", "name").orElse(id);
      into.add(new ModelInfo(provider.id(), id, displayName, createdAt(m)));
    }
  }

  private static String lastIdOf(JsonNode page) {
    JsonNode data = page.get("data");
    return data.isEmpty() ? "" : data.get(data.size() - 1).path("id").asText("");
  }

  private static Optional<String> firstText(JsonNode node, String... fields) {
    for (String f : fields) {
      JsonNode v = node.get(f);
      if (v != null && v.isTextual() && !v.asText().isBlank()) return Optional.of(v.asText());
    }
    return Optional.empty();
  }

  /** OpenAI's {@code created} (epoch seconds) or Anthropic's {@code created_at} (RFC 3339); 0 when absent or unreadable. */
  private static long createdAt(JsonNode m) {
    JsonNode created = m.has("created") ? m.get("created") : m.path("created_at");
    if (created.isIntegralNumber()) return created.asLong();
    if (created.isTextual()) {
      try {
        return OffsetDateTime.parse(created.asText()).toEpochSecond();
      } catch (DateTimeParseException notATime) {
        return 0;
      }
    }
    return 0;
  }

  private static Map<String, String> baseHeaders(ProviderConfig provider) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(provider.headers());
    headers.put("accept", "application/json");
    return headers;
  }
}
