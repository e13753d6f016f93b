package dev.lightspeed.llm.http;

import dev.lightspeed.llm.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Posts JSON to a provider with java.net.http and hands back a streaming response, failing with a
 * classified {@link ProviderException} on HTTP errors and broken connections. Every call watches an abort
 * signal: when it turns true the request (or the body being read) is cut off within a few tens of
 * milliseconds, and reads fail with an {@link IOException}. The headers timeout bounds both the wait for the
 * response headers and each wait for more body bytes, so a stream that goes silent fails with a timeout
 * instead of hanging. Safe for concurrent use.
 */
public final class ProviderHttp {
  private static final long ABORT_POLL_MS = 20;

  private final HttpClient client;
  private final Duration headersTimeout;

  /**
   * @param headersTimeout how long to wait for the response headers, and then for each further piece of the
   *     body; a body read that waits longer fails with an {@code HttpTimeoutException}
   */
  public ProviderHttp(HttpClient client, Duration headersTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.headersTimeout = Objects.requireNonNull(headersTimeout, "headersTimeout");
  }

  /** A client with a 30 s connect timeout and 10 minutes to the response headers and between body bytes. */
  public static ProviderHttp createDefault() {
    return new ProviderHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1).build(),
        Duration.ofMinutes(10));
  }

  /**
   * Sends {@code body} as JSON and returns the open response.
   *
   * @throws ProviderException classified: non-2xx statuses (after reading the error body), timeouts and
   *     connection failures
   * @throws CancellationException when {@code aborted} turned true before the response arrived
   */
  public OpenResponse post(String provider, URI uri, Map<String, String> headers, byte[] body, BooleanSupplier aborted) throws ProviderException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(headersTimeout)
        .header("content-type", "application/json")
        .header("accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return send(provider, request.build(), aborted);
  }

  /** GETs {@code uri}; same contract as {@link #post}. */
  public OpenResponse get(String provider, URI uri, Map<String, String> headers, BooleanSupplier aborted) throws ProviderException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(headersTimeout).GET();
    headers.forEach(request::header);
    return send(provider, request.build(), aborted);
  }

  private OpenResponse send(String provider, HttpRequest request, BooleanSupplier aborted) throws ProviderException {
    CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> response;
    try {
      response = awaitHeaders(pending, aborted);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      IOException io = cause instanceof IOException ioe ? ioe : new IOException(cause);
      throw new ProviderException(ErrorClassifier.fromIo(provider, io, false), cause);
    }
    OpenResponse open = new OpenResponse(response, aborted, headersTimeout);
    if (response.statusCode() / 100 != 2) {
      byte[] errorBody;
      try (open) {
        errorBody = open.body().readNBytes(256 * 1024);
      } catch (IOException e) {
        errorBody = new byte[0];
      }
      throw new ProviderException(ErrorClassifier.fromResponse(provider, response.statusCode(), response.headers(), errorBody));
    }
    return open;
  }

  private static HttpResponse<InputStream> awaitHeaders(CompletableFuture<HttpResponse<InputStream>> pending, BooleanSupplier aborted)
      throws ExecutionException {
    while (true) {
      if (aborted.getAsBoolean()) {
        pending.cancel(true);
        throw new CancellationException("aborted before the response arrived");
      }
      try {
        return pending.get(ABORT_POLL_MS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        // poll the abort signal again
      } catch (InterruptedException e) {
        pending.cancel(true);
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted before the response arrived");
      }
    }
  }
}
