package dev.lightspeed.testkit.provider;

import dev.lightspeed.engine.json.Json;
import java.time.Duration;

/**
 * OpenAI HTTP error responses (Responses and Chat Completions share them): the body
 * {@code {"error":{"message","type","param","code"}}} and the header {@code x-request-id:} {@value #REQUEST_ID}.
 * Bodies are compact JSON in that key order. Mid-stream failures are {@link ResponsesScript#failed}.
 */
public final class OpenAiErrors {
  /** The {@code x-request-id} every response here carries. */
  public static final String REQUEST_ID = "req_fake";

  private OpenAiErrors() {}

  /** An error with {@code param: null}; {@code code} may be null. */
  public static FakeResponse error(int status, String type, String code, String message) {
    return error(status, type, code, null, message);
  }

  /** An error; {@code code} and {@code param} may be null. */
  public static FakeResponse error(int status, String type, String code, String param, String message) {
    Json.Obj error = Json.Obj.builder()
        .put("message", message)
        .put("type", type)
        .put("param", WireJson.str(param))
        .put("code", WireJson.str(code))
        .build();
    return FakeResponse.error(status, WireJson.write(Json.Obj.builder().put("error", error).build()))
        .withHeader("x-request-id", REQUEST_ID);
  }

  /**
   * A 429 {@code rate_limit_exceeded} (type {@code tokens}) with {@code retry-after} (whole seconds, rounded
   * up) and {@code retry-after-ms}, the header the SDKs prefer.
   */
  public static FakeResponse rateLimited(Duration retryAfter) {
    long millis = retryAfter.toMillis();
    long seconds = (millis + 999) / 1000;
    String message = "Rate limit reached for gpt-fake in organization org-fake on tokens per min (TPM): "
        + "Limit 200000, Used 200000, Requested 100. Please try again in " + millis + "ms.";
    return error(429, "tokens", "rate_limit_exceeded", message)
        .withHeader("retry-after", Long.toString(seconds))
        .withHeader("retry-after-ms", Long.toString(millis));
  }

  /** The 429 {@code insufficient_quota} that must not be retried. */
  public static FakeResponse insufficientQuota() {
    return error(
        429,
        "insufficient_quota",
        "insufficient_quota",
        "You exceeded your current quota, please check your plan and billing details.");
  }

  /** The 500 {@code server_error} with {@code code: null}. */
  public static FakeResponse serverError() {
    return error(
        500,
        "server_error",
        null,
        "The server had an error processing your request. Sorry about that! You can retry your request. "
            + "(Please include the request ID " + REQUEST_ID + " in your email.)");
  }

  /** The 401 {@code invalid_api_key}. */
  public static FakeResponse invalidApiKey() {
    return error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: 'sk-fake'.");
  }

  /** The 400 {@code context_length_exceeded} with {@code param}, e.g. {@code input} or {@code messages}. */
  public static FakeResponse contextLengthExceeded(String param) {
    return error(
        400,
        "invalid_request_error",
        "context_length_exceeded",
        param,
        "Your input exceeds the context window of this model. Please adjust your input and try again.");
  }
}
