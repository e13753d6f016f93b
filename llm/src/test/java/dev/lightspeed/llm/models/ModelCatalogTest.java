package dev.lightspeed.llm.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderException;
import dev.lightspeed.llm.config.ConfigurationException;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.llm.models.ModelCatalog.ApiStyle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
  private static final String OPENAI_MODELS = """
      {"object":"list","data":[
        {"id":"gpt-5","object":"model","created":1754425777,"owned_by":"system"},
        {"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"}
      ]}""";

  private HttpServer server;
  private ExecutorService serverThreads;
  private HttpClient client;
  private ProviderHttp http;
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Response> responses = new ArrayDeque<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final InstantSource clock = now::get;

  private record Request(String method, String uri, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
    }
  }

  private record Response(int status, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      try (exchange) {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders())));
        Response response;
        synchronized (responses) {
          response = responses.size() > 1 ? responses.poll() : responses.peek();
        }
        if (response == null) {
          await(release);
          return;
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.getResponseHeaders().add("x-request-id", "req_models_" + requests.size());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    http = new ProviderHttp(client, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
    client.shutdownNow();
  }

  // ---- OpenAI style --------------------------------------------------------------------------------------

  @Test
  void openAiStyleProvidersAreListedFromModelsWithABearerKey() throws Exception {
    respond(200, OPENAI_MODELS);
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.parse("sk-1")));

    assertThat(catalog.list("openai")).containsExactly(
        new ModelInfo("openai", "gpt-5", "gpt-5", 1754425777),
        new ModelInfo("openai", "text-embedding-3-small", "text-embedding-3-small", 1705948997));

    Request r = requests.getFirst();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.uri()).isEqualTo("/v1/models");
    assertThat(r.header("authorization")).isEqualTo("Bearer sk-1");
    assertThat(r.header("accept")).isEqualTo("application/json");
    assertThat(r.header("x-api-key")).isNull();
  }

  @Test
  void keylessProvidersSendNoAuthorization() throws Exception {
    respond(200, "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2:latest\",\"object\":\"model\",\"created\":1731000000,\"owned_by\":\"library\"}]}");
    ModelCatalog catalog = catalog(openAiStyle("local", KeyRing.none()));

    assertThat(catalog.list("local")).containsExactly(new ModelInfo("local", "llama3.2:latest", "llama3.2:latest", 1731000000));
    assertThat(requests.getFirst().header("authorization")).isNull();
  }

  @Test
  void theProvidersExtraHeadersAreSent() throws Exception {
    respond(200, "{\"data\":[]}");
    ProviderConfig withHeaders = new ProviderConfig("local", url("/v1"), KeyRing.none(), Map.of("x-team", "blue"));
    assertThat(catalog(withHeaders).list("local")).isEmpty();
    assertThat(requests.getFirst().header("x-team")).isEqualTo("blue");
  }

  @Test
  void namesAndCreationTimesAreOptional() throws Exception {
    respond(200, """
        {"data":[
          {"id":"plain"},
          {"id":"named","name":"A Named Model","created":null},
          {"object":"model","owned_by":"nobody"},
          {"id":42},
          {"id":"odd-time","created_at":"last tuesday"}
        ]}""");
    assertThat(catalog(openAiStyle("local", KeyRing.none())).list("local")).containsExactly(
        new ModelInfo("local", "plain", "plain", 0),
        new ModelInfo("local", "named", "A Named Model", 0),
        new ModelInfo("local", "odd-time", "odd-time", 0));
  }

  // ---- Anthropic style ----------------------------------------------------------------------------------

  @Test
  void anthropicIsListedFromV1ModelsFollowingPages() throws Exception {
    respond(200, """
        {"data":[
          {"type":"model","id":"claude-opus-4-1-20250805","display_name":"Claude Opus 4.1","created_at":"2025-08-05T00:00:00Z"},
          {"type":"model","id":"claude-sonnet-4-20250514","display_name":"Claude Sonnet 4","created_at":"2025-05-22T00:00:00Z"}
        ],"has_more":true,"first_id":"claude-opus-4-1-20250805","last_id":"claude-sonnet-4-20250514"}""");
    respond(200, """
        {"data":[
          {"type":"model","id":"claude-3-haiku-20240307","display_name":"Claude Haiku 3","created_at":"2024-03-07T00:00:00Z"}
        ],"has_more":false,"first_id":"claude-3-haiku-20240307","last_id":"claude-3-haiku-20240307"}""");
    ProviderConfig anthropic = new ProviderConfig("anthropic", url(""), KeyRing.parse("sk-ant-1"), Map.of("anthropic-version", "2023-06-01"));

    List<ModelInfo> models = catalog(anthropic).list("anthropic");

    assertThat(models).containsExactly(
        new ModelInfo("anthropic", "claude-opus-4-1-20250805", "Claude Opus 4.1", Instant.parse("2025-08-05T00:00:00Z").getEpochSecond()),
        new ModelInfo("anthropic", "claude-sonnet-4-20250514", "Claude Sonnet 4", Instant.parse("2025-05-22T00:00:00Z").getEpochSecond()),
        new ModelInfo("anthropic", "claude-3-haiku-20240307", "Claude Haiku 3", Instant.parse("2024-03-07T00:00:00Z").getEpochSecond()));
    assertThat(requests).extracting(Request::uri).containsExactly("/v1/models?limit=1000", "/v1/models?limit=1000&after_id=claude-sonnet-4-20250514");
    for (Request r : requests) {
      assertThat(r.header("x-api-key")).isEqualTo("sk-ant-1");
      assertThat(r.header("anthropic-version")).isEqualTo("2023-06-01");
      assertThat(r.header("authorization")).isNull();
    }
  }

  @Test
  void anthropicGetsTheDefaultVersionHeaderWhenTheProviderHasNone() throws Exception {
    respond(200, "{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}");
    ProviderConfig anthropic = new ProviderConfig("anthropic", url(""), KeyRing.parse("sk-ant-1"), Map.of());
    assertThat(catalog(anthropic).list("anthropic")).isEmpty();
    assertThat(requests.getFirst().header("anthropic-version")).isEqualTo("2023-06-01");
  }

  @Test
  void pagingStopsWhenTheServerRepeatsItsLastId() throws Exception {
    respond(200, "{\"data\":[{\"id\":\"only\",\"display_name\":\"Only\",\"created_at\":\"2025-01-01T00:00:00Z\"}],\"has_more\":true,\"last_id\":\"only\"}");
    ProviderConfig anthropic = new ProviderConfig("anthropic", url(""), KeyRing.none(), Map.of());
    assertThat(catalog(anthropic).list("anthropic")).extracting(ModelInfo::id).containsExactly("only", "only");
    assertThat(requests).extracting(Request::uri).containsExactly("/v1/models?limit=1000", "/v1/models?limit=1000&after_id=only");
  }

  @Test
  void theStyleFollowsTheProviderIdOrTheAnthropicHost() {
    assertThat(ApiStyle.of(new ProviderConfig("anthropic", URI.create("http://127.0.0.1:9"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.ANTHROPIC);
    assertThat(ApiStyle.of(new ProviderConfig("claude", URI.create("https://api.anthropic.com"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.ANTHROPIC);
    assertThat(ApiStyle.of(new ProviderConfig("claude", URI.create("https://API.Anthropic.com/"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.ANTHROPIC);
    assertThat(ApiStyle.of(new ProviderConfig("openai", URI.create("https://api.openai.com/v1"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.OPENAI);
    assertThat(ApiStyle.of(new ProviderConfig("local", URI.create("http://localhost:11434/v1"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.OPENAI);
    assertThat(ApiStyle.of(new ProviderConfig("proxy", URI.create("https://api.anthropic.com.example.org"), KeyRing.none(), Map.of()))).isEqualTo(ApiStyle.OPENAI);
  }

  // ---- caching -------------------------------------------------------------------------------------------

  @Test
  void aSecondListWithinTheTtlMakesNoRequest() throws Exception {
    respond(200, OPENAI_MODELS);
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.parse("sk-1")));

    List<ModelInfo> first = catalog.list("openai");
    now.set(now.get().plus(Duration.ofMinutes(10)).minusMillis(1));
    List<ModelInfo> second = catalog.list("openai");

    assertThat(second).isEqualTo(first);
    assertThat(requests).hasSize(1);
  }

  @Test
  void aListingIsFetchedAgainOnceTheTtlHasPassed() throws Exception {
    respond(200, OPENAI_MODELS);
    respond(200, "{\"data\":[{\"id\":\"gpt-6\",\"created\":1800000000}]}");
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.parse("sk-1")));

    catalog.list("openai");
    now.set(now.get().plus(ModelCatalog.DEFAULT_TTL));

    assertThat(catalog.list("openai")).containsExactly(new ModelInfo("openai", "gpt-6", "gpt-6", 1800000000));
    assertThat(requests).hasSize(2);
  }

  @Test
  void theTtlIsConfigurableAndZeroMeansNoCaching() throws Exception {
    respond(200, OPENAI_MODELS);
    ProviderRegistry registry = ProviderRegistry.of(openAiStyle("openai", KeyRing.none()));

    ModelCatalog shortLived = new ModelCatalog(registry, http, Duration.ofSeconds(5), clock);
    shortLived.list("openai");
    now.set(now.get().plusSeconds(4));
    shortLived.list("openai");
    assertThat(requests).hasSize(1);
    now.set(now.get().plusSeconds(1));
    shortLived.list("openai");
    assertThat(requests).hasSize(2);

    ModelCatalog uncached = new ModelCatalog(registry, http, Duration.ZERO, clock);
    uncached.list("openai");
    uncached.list("openai");
    assertThat(requests).hasSize(4);
  }

  @Test
  void eachProviderIsCachedSeparately() throws Exception {
    respond(200, OPENAI_MODELS);
    ModelCatalog catalog = new ModelCatalog(ProviderRegistry.of(openAiStyle("a", KeyRing.parse("key-a")), openAiStyle("b", KeyRing.parse("key-b"))), http,
        ModelCatalog.DEFAULT_TTL, clock);

    assertThat(catalog.list("a")).extracting(ModelInfo::providerId).containsOnly("a");
    assertThat(catalog.list("b")).extracting(ModelInfo::providerId).containsOnly("b");
    catalog.list("a");
    catalog.list("b");

    assertThat(requests).extracting(r -> r.header("authorization")).containsExactly("Bearer key-a", "Bearer key-b");
  }

  @Test
  void invalidatingForgetsTheCachedListing() throws Exception {
    respond(200, OPENAI_MODELS);
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.none()));
    catalog.list("openai");
    catalog.invalidate("openai");
    catalog.list("openai");
    catalog.invalidateAll();
    catalog.list("openai");
    catalog.list("openai");
    assertThat(requests).hasSize(3);
  }

  // ---- failures ------------------------------------------------------------------------------------------

  @Test
  void anHttpErrorIsAClassifiedProviderExceptionAndIsNotCached() throws Exception {
    respond(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-1***\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
    respond(200, OPENAI_MODELS);
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.parse("sk-1")));

    ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.list("openai"));

    assertThat(e.error()).isEqualTo(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "req_models_1", "Incorrect API key provided: sk-1***"));
    assertThat(catalog.list("openai")).hasSize(2);
    assertThat(requests).hasSize(2);
  }

  @Test
  void anAnswerThatIsNotAModelListIsUnsupported() {
    respond(200, "<html>\n  <body>Welcome to nginx!</body>\n</html>");
    ModelCatalog catalog = catalog(openAiStyle("local", KeyRing.none()));

    ProviderException e = catchThrowableOfType(ProviderException.class, () -> catalog.list("local"));

    assertThat(e.error()).isEqualTo(new Terminal("local", Terminal.Kind.UNSUPPORTED, 200, "req_models_1",
        "GET /v1/models did not answer with a model list: <html> <body>Welcome to nginx!</body> </html>"));
    assertThat(e).hasMessage("local returned HTTP 200 (request req_models_1): GET /v1/models did not answer with a model list: "
        + "<html> <body>Welcome to nginx!</body> </html>");
  }

  @Test
  void anUnknownProviderIsAConfigurationError() {
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.none()));
    assertThatThrownBy(() -> catalog.list("nope"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("provider \"nope\" is not configured; set OPENAI_API_KEY, ANTHROPIC_API_KEY, OPENAI_BASE_URL, or list it in "
            + "LIGHTSPEED_PROVIDERS with LIGHTSPEED_PROVIDER_<ID>_BASE_URL");
    assertThat(requests).isEmpty();
  }

  @Test
  void anAbortWhileWaitingCancelsTheListing() {
    ModelCatalog catalog = catalog(openAiStyle("openai", KeyRing.none()));
    long start = System.nanoTime();
    assertThatThrownBy(() -> catalog.list("openai", () -> System.nanoTime() - start > 100_000_000L)).isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void aNegativeTtlIsRejected() {
    assertThatThrownBy(() -> new ModelCatalog(ProviderRegistry.of(), http, Duration.ofSeconds(-1), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("ttl < 0: PT-1S");
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /** Queues a response; the last one queued is repeated for every later request. */
  private void respond(int status, String body) {
    synchronized (responses) {
      responses.add(new Response(status, body));
    }
  }

  private ModelCatalog catalog(ProviderConfig provider) {
    return new ModelCatalog(ProviderRegistry.of(provider), http, ModelCatalog.DEFAULT_TTL, clock);
  }

  private ProviderConfig openAiStyle(String id, KeyRing keys) {
    return new ProviderConfig(id, url("/v1"), keys, Map.of());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
