package dev.lightspeed.tools.mcp.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The few HTTP exchanges OAuth needs, as JSON: metadata reads, form posts to the token endpoint, registration. */
final class OAuthHttp {
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: its status, its {@code WWW-Authenticate} header and its body parsed as JSON when it is an object. */
  record Reply(int status, Optional<String> wwwAuthenticate, Optional<ObjectNode> body) {}

  private final HttpClient http;

  OAuthHttp(HttpClient http) {
    this.http = http;
  }

  Reply send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OAuthException("cannot " + what + " (" + request.uri() + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OAuthException("interrupted while trying to " + what, e);
    }
    Optional<ObjectNode> body = Optional.empty();
    try {
      JsonNode node = JSON.readTree(response.body());
      if (node instanceof ObjectNode o) body = Optional.of(o);
    } catch (IOException | RuntimeException e) {
      // not JSON: callers that need a body say so
    }
    return new Reply(response.statusCode(), response.headers().firstValue("WWW-Authenticate"), body);
  }

  /** {@return the JSON object at {@code url}, or empty when it answers with anything but 200 and an object} */
  Optional<ObjectNode> getJson(URI url, String what) {
    Reply reply = send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json").GET().build(), what);
    return reply.status() == 200 ? reply.body() : Optional.empty();
  }

  Reply postForm(URI url, Map<String, String> form, Optional<String> basicUser, Optional<String> basicPassword, String what) {
    String body = form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (basicUser.isPresent() && basicPassword.isPresent()) {
      String pair = encode(basicUser.get()) + ":" + encode(basicPassword.get());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    return send(request.build(), what);
  }

  Reply postJson(URI url, JsonNode json, String what) {
    return send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8)).build(), what);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@return the server's {@code error} and {@code error_description}, for messages (they hold no secrets)} */
  static String describeError(Reply reply) {
    return reply.body()
        .filter(b -> b.hasNonNull("error"))
        .map(b -> b.path("error").asText() + (b.hasNonNull("error_description") ? " (" + b.path("error_description").asText() + ")" : ""))
        .orElse("HTTP " + reply.status());
  }
}
