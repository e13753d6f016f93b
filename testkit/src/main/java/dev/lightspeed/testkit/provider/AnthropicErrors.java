package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.time.Duration;

/**
 * Anthropic HTTP error responses: the body {@code {"type":"error","error":{"type","message"},"request_id"}}
 * and the header {@code request-id}, both {@value #REQUEST_ID}. Bodies are compact JSON in that key order.
 * The retryable ones carry {@code x-should-retry: true} and the client errors {@code x-should-retry: false},
 * as the recorded responses do. Mid-stream failures are {@link AnthropicScript#streamError}.
 */
public final class AnthropicErrors {
  /** The {@code request-id} header and {@code request_id} field every response here carries. */
  public static final String REQUEST_ID = "req_fake";

  private AnthropicErrors() {}

  /** An error of {@code errorType} (e.g. {@code invalid_request_error}) without {@code x-should-retry}. */
  public static FakeResponse error(int status, String errorType, String message) {
    Json.Obj body = Json.Obj.builder()
        .put("type", "error")
        .put("error", Json.Obj.builder().put("type", errorType).put("message", message).build())
        .put("request_id", REQUEST_ID)
        .build();
    return FakeResponse.error(status, WireJson.write(body)).withHeader("request-id", REQUEST_ID);
  }

  /** A 429 {@code rate_limit_error} with {@code retry-after} in whole seconds, rounded up. */
  public static FakeResponse rateLimited(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return error(429, "rate_limit_error", "This request would exceed your organization's rate limit.")
        .withHeader("retry-after", Long.toString(seconds))
        .withHeader("x-should-retry", "true");
  }

  /** The 529 {@code overloaded_error} "Overloaded". */
  public static FakeResponse overloaded() {
    return error(529, "overloaded_error", "Overloaded").withHeader("x-should-retry", "true");
  }

  /** The 500 {@code api_error} "Internal server error". */
  public static FakeResponse apiError() {
    return error(500, "api_error", "Internal server error").withHeader("x-should-retry", "true");
  }

  /** A 400 {@code invalid_request_error}. */
  public static FakeResponse invalidRequest(String message) {
    return error(400, "invalid_request_error", message).withHeader("x-should-retry", "false");
  }

  /** The 401 {@code authentication_error} "invalid x-api-key". */
  public static FakeResponse authentication() {
    return error(401, "authentication_error", "invalid x-api-key").withHeader("x-should-retry", "false");
  }
}
