package dev.lightspeed.llm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderError.Transient;
import dev.lightspeed.llm.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {
  private static final Map<String, String> NO_HEADERS = Map.of();

  private HttpServer server;
  private ExecutorService serverThreads;
  private HttpClient client;
  private ProviderHttp http;
  /** Released at tear-down so handlers parked on it finish. */
  private final CountDownLatch release = new CountDownLatch(1);
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads = Executors.newCachedThreadPool();
    server.setExecutor(serverThreads);
    server.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    http = new ProviderHttp(client, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
    client.shutdownNow();
  }

  // ---- success -------------------------------------------------------------------------------------------

  @Test
  void aSuccessfulBodyStreamsBeforeTheServerHasFinished() throws Exception {
    CountDownLatch firstChunkRead = new CountDownLatch(1);
    handle("/v1/responses", exchange -> {
      exchange.getResponseHeaders().add("content-type", "text/event-stream");
      exchange.getResponseHeaders().add("x-request-id", "req_stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write("data: 1\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        await(firstChunkRead);
        out.write("data: 2\n\n".getBytes(StandardCharsets.UTF_8));
      }
    });
    try (OpenResponse response = http.post("openai", uri("/v1/responses"), NO_HEADERS, bytes("{}"), () -> false);
        SseReader events = new SseReader(response.body())) {
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.requestId()).isEqualTo("req_stream");
      assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
      assertThat(events.next()).contains(new SseEvent("message", "1", null));
      firstChunkRead.countDown();
      assertThat(events.next()).contains(new SseEvent("message", "2", null));
      assertThat(events.next()).isEmpty();
    }
  }

  @Test
  void postSendsTheBodyAsJsonWithTheCallersHeaders() throws Exception {
    respond("/v1/messages", 200, "{}");
    Map<String, String> headers = Map.of("x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01", "anthropic-beta", "a,b");
    try (OpenResponse response = http.post("anthropic", uri("/v1/messages"), headers, bytes("{\"model\":\"m\"}"), () -> false)) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }
    Received r = received.take();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v1/messages");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"m\"}");
    assertThat(r.headers().get("X-api-key")).containsExactly("sk-ant-test");
    assertThat(r.headers().get("Anthropic-version")).containsExactly("2023-06-01");
    assertThat(r.headers().get("Anthropic-beta")).containsExactly("a,b");
    assertThat(r.headers().get("Content-type")).containsExactly("application/json");
    assertThat(r.headers().get("Accept")).containsExactly("application/json, text/event-stream");
  }

  @Test
  void getSendsNoBodyAndTheCallersHeaders() throws Exception {
    respond("/v1/models", 200, "{\"data\":[]}");
    try (OpenResponse response = http.get("openai", uri("/v1/models?limit=5"), Map.of("authorization", "Bearer sk-test"), () -> false)) {
      assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
    }
    Received r = received.take();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v1/models?limit=5");
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().get("Authorization")).containsExactly("Bearer sk-test");
  }

  // ---- failures ------------------------------------------------------------------------------------------

  @Test
  void aNon2xxStatusBecomesAClassifiedProviderExceptionWithTheErrorBodyRead() {
    handle("/v1/chat/completions", exchange -> {
      exchange.getResponseHeaders().add("retry-after", "3");
      exchange.getResponseHeaders().add("x-request-id", "req_429");
      byte[] body = bytes("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}}");
      exchange.sendResponseHeaders(429, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> http.post("openai", uri("/v1/chat/completions"), NO_HEADERS, bytes("{}"), () -> false));
    assertThat(e.error()).isEqualTo(new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "req_429", "Rate limit reached", Optional.of(Duration.ofSeconds(3))));
    assertThat(e).hasMessage("openai returned HTTP 429 (request req_429): Rate limit reached");
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void aTerminalStatusOnGetIsClassifiedToo() {
    respond("/v1/models", 401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"},\"request_id\":\"req_a\"}");
    ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.get("anthropic", uri("/v1/models"), NO_HEADERS, () -> false));
    assertThat(e.error()).isEqualTo(new Terminal("anthropic", Terminal.Kind.AUTHENTICATION, 401, "req_a", "invalid x-api-key"));
    assertThat(e.isTransient()).isFalse();
  }

  @Test
  void aRefusedConnectionIsATransientNetworkError() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/v1/responses");
    ProviderException e = catchThrowableOfType(ProviderException.class, () -> http.post("local", nowhere, NO_HEADERS, bytes("{}"), () -> false));
    ProviderError error = e.error();
    assertThat(error).isInstanceOf(Transient.class);
    assertThat(((Transient) error).kind()).isEqualTo(Transient.Kind.NETWORK);
    assertThat(error.status()).isZero();
    assertThat(error.message()).startsWith("cannot reach the provider: ");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void noHeadersWithinTheTimeoutIsATransientTimeout() {
    handle("/slow", exchange -> {
      await(release);
      exchange.sendResponseHeaders(200, -1);
    });
    ProviderHttp impatient = new ProviderHttp(client, Duration.ofMillis(200));
    ProviderException e = catchThrowableOfType(ProviderException.class, () -> impatient.get("openai", uri("/slow"), NO_HEADERS, () -> false));
    assertThat(e.error()).isInstanceOf(Transient.class);
    assertThat(((Transient) e.error()).kind()).isEqualTo(Transient.Kind.TIMEOUT);
    assertThat(e.error().message()).startsWith("timed out: ");
  }

  @Test
  void aBodyThatGoesSilentFailsWithATimeout() throws Exception {
    handle("/v1/responses", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes("data: 1\n\n"));
      out.flush();
      await(release);
      out.close();
    });
    ProviderHttp impatient = new ProviderHttp(client, Duration.ofMillis(300));
    try (OpenResponse response = impatient.post("openai", uri("/v1/responses"), NO_HEADERS, bytes("{}"), () -> false)) {
      SseReader events = new SseReader(response.body());
      assertThat(events.next()).contains(new SseEvent("message", "1", null));
      long start = System.nanoTime();
      HttpTimeoutException e = catchThrowableOfType(HttpTimeoutException.class, events::next);
      assertThat(e).hasMessage("no data from the provider for 300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofMillis(1000));
      assertThat(ErrorClassifier.fromIo("openai", e, true))
          .isEqualTo(new Transient("openai", Transient.Kind.TIMEOUT, 0, "", "timed out: no data from the provider for 300 ms", Optional.empty()));
    }
  }

  @Test
  void aSlowButSteadyBodyMayTakeLongerThanTheTimeout() throws Exception {
    handle("/v1/responses", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 6; i++) {
          out.write(bytes("data: " + i + "\n\n"));
          out.flush();
          sleep(100);
        }
      }
    });
    ProviderHttp impatient = new ProviderHttp(client, Duration.ofMillis(250));
    try (OpenResponse response = impatient.post("openai", uri("/v1/responses"), NO_HEADERS, bytes("{}"), () -> false)) {
      SseReader events = new SseReader(response.body());
      for (int i = 0; i < 6; i++) {
        assertThat(events.next()).contains(new SseEvent("message", String.valueOf(i), null));
        if (i == 2) sleep(400); // a slow reader is not a silent provider
      }
      assertThat(events.next()).isEmpty();
    }
  }

  // ---- abort ---------------------------------------------------------------------------------------------

  @Test
  void abortBeforeTheHeadersArriveCancelsQuickly() {
    handle("/v1/responses", exchange -> {
      await(release);
      exchange.sendResponseHeaders(200, -1);
    });
    AtomicBoolean aborted = new AtomicBoolean();
    long[] abortedAt = new long[1];
    Thread.ofVirtual().start(() -> {
      sleep(150);
      abortedAt[0] = System.nanoTime();
      aborted.set(true);
    });
    assertThatThrownBy(() -> http.post("openai", uri("/v1/responses"), NO_HEADERS, bytes("{}"), aborted::get))
        .isInstanceOf(CancellationException.class)
        .hasMessage("aborted before the response arrived");
    assertThat(Duration.ofNanos(System.nanoTime() - abortedAt[0])).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void anAbortSignalAlreadyRaisedCancelsWithoutWaiting() {
    handle("/v1/responses", exchange -> {
      await(release);
      exchange.sendResponseHeaders(200, -1);
    });
    long start = System.nanoTime();
    assertThatThrownBy(() -> http.post("openai", uri("/v1/responses"), NO_HEADERS, bytes("{}"), () -> true)).isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void abortMidBodyMakesTheBlockedReadFailQuickly() throws Exception {
    handle("/v1/messages", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes("event: ping\ndata: {}\n\n"));
      out.flush();
      await(release);
      out.close();
    });
    AtomicBoolean aborted = new AtomicBoolean();
    try (OpenResponse response = http.post("anthropic", uri("/v1/messages"), NO_HEADERS, bytes("{}"), aborted::get)) {
      SseReader events = new SseReader(response.body());
      assertThat(events.next()).contains(new SseEvent("ping", "{}", null));
      long[] abortedAt = new long[1];
      Thread.ofVirtual().start(() -> {
        sleep(150);
        abortedAt[0] = System.nanoTime();
        aborted.set(true);
      });
      assertThatThrownBy(events::next).isInstanceOf(IOException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - abortedAt[0])).isLessThan(Duration.ofMillis(500));
    }
  }

  @Test
  void closingTheResponseEndsABlockedRead() throws Exception {
    handle("/v1/messages", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(bytes("x"));
      out.flush();
      await(release);
      out.close();
    });
    OpenResponse response = http.post("anthropic", uri("/v1/messages"), NO_HEADERS, bytes("{}"), () -> false);
    InputStream body = response.body();
    assertThat(body.read()).isEqualTo('x');
    Thread.ofVirtual().start(() -> {
      sleep(100);
      response.close();
    });
    long start = System.nanoTime();
    assertThatThrownBy(body::read).isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private void handle(String path, Handler handler) {
    HttpHandler recording = exchange -> {
      try {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
        handler.handle(exchange);
      } finally {
        exchange.close();
      }
    };
    server.createContext(path, recording);
  }

  private void respond(String path, int status, String body) {
    handle(path, exchange -> {
      byte[] bytes = bytes(body);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
