package dev.lightspeed.llm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderError.Transient;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies provider failures the way both vendors' SDKs do: 408, 409, 429 and 5xx (529 "overloaded"
 * included) are transient, unless the body says the quota is exhausted; 401/403, 400/422 and 404 are
 * terminal, with context-length and content-policy errors told apart by the error code or message; an
 * {@code x-should-retry} header overrides the status. Retry-After comes from {@code retry-after-ms}
 * (preferred) or {@code retry-after} (seconds or an HTTP date); malformed, negative or infinite values are
 * ignored. The message is the body's {@code error.message} (OpenAI, Anthropic), a plain-string
 * {@code error} (Ollama), or else the body itself, abbreviated to one line.
 */
public final class ErrorClassifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ErrorClassifier() {}

  public static ProviderError fromResponse(String provider, int status, HttpHeaders headers, byte[] body) {
    JsonNode error = errorNode(body);
    String code = text(error, "code").toLowerCase(Locale.ROOT);
    String type = text(error, "type").toLowerCase(Locale.ROOT);
    String message = text(error, "message");
    if (message.isEmpty() && error != null && error.path("error").isTextual()) message = error.path("error").asText();
    if (message.isEmpty()) message = body.length == 0 ? "no response body" : abbreviate(new String(body, StandardCharsets.UTF_8));
    String requestId = headers.firstValue("x-request-id").or(() -> headers.firstValue("request-id"))
        .orElseGet(() -> text(errorRoot(body), "request_id"));
    Optional<Duration> retryAfter = retryAfter(headers);
    Optional<Boolean> shouldRetry = headers.firstValue("x-should-retry").map(v -> v.equalsIgnoreCase("true"));

    boolean quota = code.equals("insufficient_quota") || type.equals("insufficient_quota") || code.equals("billing_hard_limit_reached");
    ProviderError classified;
    if (quota) {
      classified = new Terminal(provider, Terminal.Kind.QUOTA_EXHAUSTED, status, requestId, message);
    } else if (status == 429) {
      classified = new Transient(provider, Transient.Kind.RATE_LIMITED, status, requestId, message, retryAfter);
    } else if (status == 529 || type.equals("overloaded_error")) {
      classified = new Transient(provider, Transient.Kind.OVERLOADED, status, requestId, message, retryAfter);
    } else if (status == 408) {
      classified = new Transient(provider, Transient.Kind.TIMEOUT, status, requestId, message, retryAfter);
    } else if (status == 409 || status >= 500) {
      classified = new Transient(provider, Transient.Kind.SERVER_ERROR, status, requestId, message, retryAfter);
    } else if (status == 401 || status == 403) {
      classified = new Terminal(provider, Terminal.Kind.AUTHENTICATION, status, requestId, message);
    } else if (status == 404) {
      classified = new Terminal(provider, Terminal.Kind.NOT_FOUND, status, requestId, message);
    } else if (isContextLength(code, message)) {
      classified = new Terminal(provider, Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, status, requestId, message);
    } else if (code.contains("content_policy") || code.contains("content_filter") || type.contains("content_policy")) {
      classified = new Terminal(provider, Terminal.Kind.CONTENT_POLICY, status, requestId, message);
    } else {
      classified = new Terminal(provider, Terminal.Kind.INVALID_REQUEST, status, requestId, message);
    }
    if (shouldRetry.isPresent() && shouldRetry.get() != (classified instanceof Transient)) {
      classified = shouldRetry.get()
          ? new Transient(provider, Transient.Kind.SERVER_ERROR, status, requestId, message, retryAfter)
          : new Terminal(provider, Terminal.Kind.INVALID_REQUEST, status, requestId, message);
    }
    return classified;
  }

  /** Classifies an error reported inside a stream that started with HTTP 200. */
  public static ProviderError fromStreamError(String provider, String typeOrCode, String message, String requestId) {
    String t = typeOrCode == null ? "" : typeOrCode.toLowerCase(Locale.ROOT);
    String m = message == null || message.isEmpty() ? "the provider reported an error mid-stream" : message;
    String id = requestId == null ? "" : requestId;
    if (t.contains("overloaded")) return new Transient(provider, Transient.Kind.OVERLOADED, 0, id, m, Optional.empty());
    if (t.contains("rate_limit")) return new Transient(provider, Transient.Kind.RATE_LIMITED, 0, id, m, Optional.empty());
    if (t.contains("server_error") || t.contains("api_error") || t.isEmpty()) {
      return new Transient(provider, Transient.Kind.SERVER_ERROR, 0, id, m, Optional.empty());
    }
    if (t.contains("quota")) return new Terminal(provider, Terminal.Kind.QUOTA_EXHAUSTED, 0, id, m);
    if (isContextLength(t, m)) return new Terminal(provider, Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, id, m);
    if (t.contains("content_policy") || t.contains("content_filter")) return new Terminal(provider, Terminal.Kind.CONTENT_POLICY, 0, id, m);
    return new Terminal(provider, Terminal.Kind.INVALID_REQUEST, 0, id, m);
  }

  /** Classifies an I/O failure before or during a response. */
  public static ProviderError fromIo(String provider, IOException e, boolean midStream) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof HttpTimeoutException) {
      return new Transient(provider, Transient.Kind.TIMEOUT, 0, "", "timed out: " + message, Optional.empty());
    }
    Transient.Kind kind = midStream ? Transient.Kind.STREAM_INTERRUPTED : Transient.Kind.NETWORK;
    return new Transient(provider, kind, 0, "", (midStream ? "the response stream broke: " : "cannot reach the provider: ") + message, Optional.empty());
  }

  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<Duration> ms = headers.firstValue("retry-after-ms").flatMap(v -> millis(v, 1));
    if (ms.isPresent()) return ms;
    Optional<String> after = headers.firstValue("retry-after");
    if (after.isEmpty()) return Optional.empty();
    String v = after.get().strip();
    if (!v.isEmpty() && "+-.0123456789".indexOf(v.charAt(0)) >= 0) return millis(v, 1000);
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (RuntimeException notADate) {
      return Optional.empty();
    }
  }

  /** {@return {@code number * scale} milliseconds, or empty when the number is malformed, negative or not finite} */
  private static Optional<Duration> millis(String number, double scale) {
    try {
      double ms = Double.parseDouble(number.trim()) * scale;
      return Double.isFinite(ms) && ms >= 0 ? Optional.of(Duration.ofMillis((long) Math.min(ms, Long.MAX_VALUE / 2))) : Optional.empty();
    } catch (NumberFormatException malformed) {
      return Optional.empty();
    }
  }

  private static boolean isContextLength(String code, String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return code.contains("context_length") || m.contains("context length") || m.contains("context window")
        || m.contains("prompt is too long") || m.contains("maximum context");
  }

  private static JsonNode errorRoot(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  private static JsonNode errorNode(byte[] body) {
    JsonNode root = errorRoot(body);
    if (root == null) return null;
    JsonNode error = root.get("error");
    return error != null && error.isObject() ? error : root;
  }

  private static String text(JsonNode node, String field) {
    if (node == null) return "";
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 300 ? one : one.substring(0, 300) + "…";
  }
}
