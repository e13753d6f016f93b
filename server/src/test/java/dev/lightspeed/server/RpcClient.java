package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.ContractSchema;
import dev.lightspeed.api.MethodTypes;
import dev.lightspeed.api.rpc.RpcError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Talks JSON-RPC to a running gateway over real HTTP and checks every answer against the contract: a
 * result against {@code AgentApiOutcomeOf<Result>}, an error against {@code JsonRpcError} (strict schema).
 */
final class RpcClient {
  private static final ContractSchema CONTRACT = ContractSchema.strict();

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong ids = new AtomicLong();

  RpcClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  HttpClient http() {
    return http;
  }

  /** Calls {@code method}, asserts success and a contract-valid outcome, {@return the outcome's {@code result}}. */
  JsonNode call(String method, Object params) {
    JsonNode response = send(method, params);
    assertThat(response.has("error")).as("%s answered %s", method, response).isFalse();
    JsonNode outcome = response.get("result");
    String result = MethodTypes.of(method).orElseThrow().result().getSimpleName();
    CONTRACT.assertValid("AgentApiOutcomeOf" + result, outcome);
    return outcome.get("result");
  }

  /** Calls {@code method} and {@return its result decoded as {@code type}}. */
  <T> T call(String method, Object params, Class<T> type) {
    try {
      return ApiJson.mapper().treeToValue(call(method, params), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Calls {@code method}, asserts it failed with a contract-valid error, {@return the error}. */
  RpcError error(String method, Object params) {
    JsonNode response = send(method, params);
    assertThat(response.has("error")).as("%s answered %s", method, response).isTrue();
    return error(response);
  }

  /** {@return the error of a raw response, checked against the contract} */
  static RpcError error(JsonNode response) {
    CONTRACT.assertValid("JsonRpcError", response.get("error"));
    try {
      return ApiJson.mapper().treeToValue(response.get("error"), RpcError.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one request and {@return the whole JSON-RPC response}. */
  JsonNode send(String method, Object params) {
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    if (params != null) request.set("params", ApiJson.toTree(params));
    HttpResponse<String> response = post(ApiJson.toJson(request));
    assertThat(response.statusCode()).as("HTTP status of %s", method).isEqualTo(200);
    try {
      JsonNode tree = ApiJson.mapper().readTree(response.body());
      assertThat(tree.get("id").asLong()).isEqualTo(request.get("id").asLong());
      return tree;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POSTs {@code body} to {@code /rpc} as is. */
  HttpResponse<String> post(String body) {
    return post(HttpRequest.BodyPublishers.ofString(body));
  }

  HttpResponse<String> post(HttpRequest.BodyPublisher body) {
    HttpRequest request = HttpRequest.newBuilder(uri("/rpc")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(body).build();
    return get(request);
  }

  HttpResponse<String> get(String path) {
    return get(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  private HttpResponse<String> get(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
