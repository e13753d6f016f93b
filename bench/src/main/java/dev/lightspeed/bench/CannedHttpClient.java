package dev.lightspeed.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} that answers every request from a queue of canned bodies in memory, with no socket,
 * so a benchmark driving an adapter through its public API measures the adapter's own work (request
 * building, SSE parsing, stream reduction, blob writes) without loopback transport. Only
 * {@code sendAsync} with an input-stream body handler is supported, which is all {@code ProviderHttp}
 * uses. Not thread-safe.
 */
final class CannedHttpClient extends HttpClient {
  private static final HttpHeaders SSE_HEADERS =
      HttpHeaders.of(Map.of("content-type", List.of("text/event-stream"), "x-request-id", List.of("req_canned")), (a, b) -> true);
  private static final HttpHeaders JSON_HEADERS =
      HttpHeaders.of(Map.of("content-type", List.of("application/json"), "x-request-id", List.of("req_canned")), (a, b) -> true);

  private final ArrayDeque<Canned> queue = new ArrayDeque<>();

  private record Canned(byte[] body, boolean sse) {}

  void enqueue(byte[] body, boolean sse) {
    queue.add(new Canned(body, sse));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    Canned next = queue.poll();
    if (next == null) return CompletableFuture.failedFuture(new IllegalStateException("no canned response for " + request.uri()));
    InputStream body = new ByteArrayInputStream(next.body());
    return CompletableFuture.completedFuture((HttpResponse<T>) new Response(request, next.sse() ? SSE_HEADERS : JSON_HEADERS, body));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, handler);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler).join();
  }

  private record Response(HttpRequest request, HttpHeaders headers, InputStream body) implements HttpResponse<InputStream> {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.empty();
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    throw new UnsupportedOperationException("no TLS in memory");
  }

  @Override
  public SSLParameters sslParameters() {
    return new SSLParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }
}
