package dev.lightspeed.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.MethodTypes;
import dev.lightspeed.api.blobs.BlobReadParams;
import dev.lightspeed.api.blobs.BlobReadResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls one gateway's JSON-RPC methods over HTTP with the {@code api} types and unwraps the contract's
 * {@code AgentApiOutcome}. Every failure is a {@link ClientException}: an error the gateway answered is a
 * {@link GatewayException}, a gateway that does not answer a {@link GatewayUnreachableException}. Safe for
 * concurrent use.
 */
public final class GatewayClient {
  /** How long an ordinary call may take; mutations return once admitted, so this is generous. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

  private final URI base;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  public GatewayClient(URI base) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** {@return the gateway's base URL, without a trailing slash} */
  public URI base() {
    return base;
  }

  /**
   * Calls the method whose params type {@code params} is and {@return its result}.
   *
   * @throws GatewayException when the gateway answers an error
   * @throws GatewayUnreachableException when it does not answer
   */
  public <R> R call(Object params, Class<R> resultType) {
    return call(MethodTypes.methodOf(params.getClass()), params, resultType, CALL_TIMEOUT);
  }

  /** Calls {@code method} with a timeout of its own, for long-polls. */
  public <R> R call(String method, Object params, Class<R> resultType, Duration timeout) {
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    request.set("params", ApiJson.toTree(params));
    HttpRequest http = HttpRequest.newBuilder(uri("/rpc")).timeout(timeout).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(ApiJson.toJson(request))).build();
    HttpResponse<String> response = send(http, HttpResponse.BodyHandlers.ofString());
    JsonNode body;
    try {
      body = ApiJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new GatewayException(method, -32603, "internal", "the gateway answered HTTP " + response.statusCode()
          + " with a body that is not JSON-RPC");
    }
    JsonNode error = body.path("error");
    if (error.isObject()) {
      long code = error.path("code").asLong(-32603);
      String kind = error.path("data").path("kind").asText(GatewayException.kindOfCode(code));
      throw new GatewayException(method, code, kind, error.path("message").asText("no message"));
    }
    if (!body.path("result").isObject()) {
      throw new GatewayException(method, -32603, "internal", "the gateway answered HTTP " + response.statusCode() + " without a result");
    }
    try {
      return ApiJson.readOutcome(body.get("result"), resultType).result();
    } catch (IllegalArgumentException e) {
      throw new GatewayException(method, -32603, "internal", "the gateway's answer does not fit " + resultType.getSimpleName()
          + ": " + e.getMessage());
    }
  }

  /** {@return the UTF-8 text of blob {@code blobRef}} */
  public String readText(String blobRef) {
    return new String(readBytes(blobRef), StandardCharsets.UTF_8);
  }

  /** {@return the bytes of blob {@code blobRef}} */
  public byte[] readBytes(String blobRef) {
    BlobReadResponse blob = call(new BlobReadParams(blobRef), BlobReadResponse.class);
    return Base64.getDecoder().decode(blob.bytesBase64());
  }

  /**
   * Asks {@code GET /health}, so a wrong URL fails before anything else with one clear line.
   *
   * @throws GatewayUnreachableException when nothing answers, or something that is not a gateway
   */
  public void checkHealth() {
    HttpRequest request = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new GatewayUnreachableException(base, "GET /health answered HTTP " + response.statusCode() + "; is this a Lightspeed gateway?", null);
    }
  }

  /** Opens a streaming GET of {@code path}; the caller closes the body. */
  HttpResponse<InputStream> openStream(String path, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    return send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException e) {
      throw new GatewayUnreachableException(base, "connection timed out", e);
    } catch (ConnectException e) {
      throw new GatewayUnreachableException(base, "connection refused", e);
    } catch (HttpTimeoutException e) {
      throw new GatewayUnreachableException(base, "no answer within " + request.timeout().map(Duration::toSeconds).orElse(0L) + " s", e);
    } catch (IOException e) {
      throw new GatewayUnreachableException(base, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayUnreachableException(base, "interrupted", e);
    }
  }
}
