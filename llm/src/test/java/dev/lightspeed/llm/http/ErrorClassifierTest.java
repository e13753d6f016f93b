package dev.lightspeed.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderError.Transient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpHeaders NO_HEADERS = headers();

  // ---- statuses ------------------------------------------------------------------------------------------

  @Test
  void a429IsATransientRateLimitWithoutRetryAfterWhenNoHeaderSaysSo() {
    assertThat(classify(429, NO_HEADERS, openAiError("slow down", "rate_limit_exceeded")))
        .isEqualTo(new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "", "slow down", Optional.empty()));
  }

  @Test
  void retryAfterInWholeSecondsIsHonoured() {
    assertThat(retryAfterOf(headers("retry-after", "7"))).contains(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterInFractionalSecondsIsHonoured() {
    assertThat(retryAfterOf(headers("retry-after", "1.574"))).contains(Duration.ofMillis(1574));
    assertThat(retryAfterOf(headers("retry-after", " 0.5 "))).contains(Duration.ofMillis(500));
  }

  @Test
  void retryAfterAsAnHttpDateIsTheTimeUntilThatDate() {
    String inThirtySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
    Duration d = retryAfterOf(headers("retry-after", inThirtySeconds)).orElseThrow();
    assertThat(d).isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
  }

  @Test
  void retryAfterAsAnHttpDateInThePastMeansNow() {
    assertThat(retryAfterOf(headers("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"))).contains(Duration.ZERO);
  }

  @Test
  void retryAfterMsIsPreferredOverRetryAfter() {
    assertThat(retryAfterOf(headers("retry-after", "30", "retry-after-ms", "1250"))).contains(Duration.ofMillis(1250));
    assertThat(retryAfterOf(headers("retry-after-ms", "12.9"))).contains(Duration.ofMillis(12));
  }

  @Test
  void aMalformedRetryAfterMsFallsBackToRetryAfter() {
    assertThat(retryAfterOf(headers("retry-after", "3", "retry-after-ms", "soon"))).contains(Duration.ofSeconds(3));
  }

  @Test
  void malformedNegativeOrInfiniteRetryAfterIsIgnored() {
    for (String bad : List.of("soon", "", "-5", "NaN", "Infinity", "1e400", "Tomorrow, 12:00")) {
      assertThat(retryAfterOf(headers("retry-after", bad))).as("retry-after: %s", bad).isEmpty();
    }
    assertThat(retryAfterOf(headers("retry-after-ms", "-1"))).isEmpty();
  }

  @Test
  void insufficientQuotaOn429IsTerminal() {
    assertThat(classify(429, NO_HEADERS, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}"))
        .isEqualTo(new Terminal("openai", Terminal.Kind.QUOTA_EXHAUSTED, 429, "", "You exceeded your current quota"));
    assertThat(classify(400, NO_HEADERS, openAiError("hard limit", "billing_hard_limit_reached")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.QUOTA_EXHAUSTED, 400, "", "hard limit"));
  }

  @Test
  void a529IsOverloaded() {
    assertThat(classify(529, NO_HEADERS, "{}"))
        .isEqualTo(new Transient("openai", Transient.Kind.OVERLOADED, 529, "", "{}", Optional.empty()));
  }

  @Test
  void anOverloadedErrorTypeIsOverloadedWhateverTheStatus() {
    assertThat(classify(503, headers("retry-after", "4"), anthropicError("overloaded_error", "Overloaded")))
        .isEqualTo(new Transient("openai", Transient.Kind.OVERLOADED, 503, "", "Overloaded", Optional.of(Duration.ofSeconds(4))));
  }

  @Test
  void serverSideStatusesAreTransientServerErrors() {
    for (int status : new int[] {500, 502, 503, 504, 409, 520}) {
      assertThat(classify(status, headers("retry-after", "1"), openAiError("boom", null))).as("HTTP %d", status)
          .isEqualTo(new Transient("openai", Transient.Kind.SERVER_ERROR, status, "", "boom", Optional.of(Duration.ofSeconds(1))));
    }
  }

  @Test
  void a408IsATransientTimeout() {
    assertThat(classify(408, NO_HEADERS, openAiError("request timeout", null)))
        .isEqualTo(new Transient("openai", Transient.Kind.TIMEOUT, 408, "", "request timeout", Optional.empty()));
  }

  @Test
  void rejectedCredentialsAreTerminalAuthenticationErrors() {
    assertThat(classify(401, NO_HEADERS, openAiError("bad key", "invalid_api_key")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "", "bad key"));
    assertThat(classify(403, NO_HEADERS, anthropicError("permission_error", "not allowed")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 403, "", "not allowed"));
  }

  @Test
  void a404IsNotFound() {
    assertThat(classify(404, NO_HEADERS, openAiError("model gpt-9 does not exist", "model_not_found")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.NOT_FOUND, 404, "", "model gpt-9 does not exist"));
  }

  @Test
  void openAiContextLengthExceededCodeIsContextLength() {
    assertThat(classify(400, NO_HEADERS, openAiError("This model's maximum context length is 128000 tokens.", "context_length_exceeded")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 400, "", "This model's maximum context length is 128000 tokens."));
  }

  @Test
  void anthropicPromptIsTooLongIsContextLength() {
    assertThat(classify(400, NO_HEADERS, anthropicError("invalid_request_error", "prompt is too long: 209000 tokens > 200000 maximum")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 400, "", "prompt is too long: 209000 tokens > 200000 maximum"));
  }

  @Test
  void contentPolicyViolationsAreTerminal() {
    assertThat(classify(400, NO_HEADERS, openAiError("Your request was rejected by our safety system", "content_policy_violation")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTENT_POLICY, 400, "", "Your request was rejected by our safety system"));
    assertThat(classify(400, NO_HEADERS, openAiError("filtered", "content_filter")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTENT_POLICY, 400, "", "filtered"));
  }

  @Test
  void otherClientErrorsAreInvalidRequests() {
    assertThat(classify(400, NO_HEADERS, openAiError("Invalid 'temperature'", "decimal_below_min_value")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 400, "", "Invalid 'temperature'"));
    assertThat(classify(422, NO_HEADERS, openAiError("unprocessable", null)))
        .isEqualTo(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 422, "", "unprocessable"));
    assertThat(classify(413, NO_HEADERS, anthropicError("request_too_large", "Request exceeds the maximum size")))
        .isEqualTo(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 413, "", "Request exceeds the maximum size"));
  }

  // ---- x-should-retry -------------------------------------------------------------------------------------

  @Test
  void xShouldRetryFalseMakesARetryableStatusTerminal() {
    assertThat(classify(503, headers("x-should-retry", "false"), openAiError("down", null)))
        .isEqualTo(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 503, "", "down"));
  }

  @Test
  void xShouldRetryTrueMakesATerminalStatusTransient() {
    assertThat(classify(400, headers("x-should-retry", "true", "retry-after", "2"), openAiError("try again", null)))
        .isEqualTo(new Transient("openai", Transient.Kind.SERVER_ERROR, 400, "", "try again", Optional.of(Duration.ofSeconds(2))));
  }

  @Test
  void xShouldRetryThatAgreesWithTheStatusKeepsTheKind() {
    assertThat(classify(429, headers("x-should-retry", "TRUE"), openAiError("slow", null)))
        .isEqualTo(new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "", "slow", Optional.empty()));
    assertThat(classify(401, headers("x-should-retry", "false"), openAiError("bad key", null)))
        .isEqualTo(new Terminal("openai", Terminal.Kind.AUTHENTICATION, 401, "", "bad key"));
  }

  // ---- request ids and messages ------------------------------------------------------------------------------

  @Test
  void theRequestIdComesFromXRequestIdFirst() {
    ProviderError e = classify(500, headers("x-request-id", "req_x", "request-id", "req_plain"), "{\"request_id\":\"req_body\",\"error\":{\"message\":\"m\"}}");
    assertThat(e.requestId()).isEqualTo("req_x");
  }

  @Test
  void theRequestIdComesFromRequestIdWhenThereIsNoXRequestId() {
    ProviderError e = classify(500, headers("Request-Id", "req_plain"), "{\"request_id\":\"req_body\",\"error\":{\"message\":\"m\"}}");
    assertThat(e.requestId()).isEqualTo("req_plain");
  }

  @Test
  void theRequestIdComesFromTheBodyWhenNoHeaderHasIt() {
    ProviderError e = classify(500, NO_HEADERS, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"m\"},\"request_id\":\"req_body\"}");
    assertThat(e.requestId()).isEqualTo("req_body");
  }

  @Test
  void aNonJsonBodyBecomesAnAbbreviatedOneLineMessage() {
    assertThat(classify(502, NO_HEADERS, "<html>\n  <body>\r\n\t502 Bad   Gateway\n  </body>\n</html>\n").message())
        .isEqualTo("<html> <body> 502 Bad Gateway </body> </html>");
    String long400 = "x".repeat(500);
    assertThat(classify(502, NO_HEADERS, long400).message()).isEqualTo("x".repeat(300) + "\u2026");
  }

  @Test
  void anEmptyBodySaysSo() {
    assertThat(classify(503, NO_HEADERS, "").message()).isEqualTo("no response body");
  }

  @Test
  void aJsonBodyWithoutAMessageIsShownAsText() {
    assertThat(classify(404, NO_HEADERS, "{\"detail\":\"Not Found\"}"))
        .isEqualTo(new Terminal("openai", Terminal.Kind.NOT_FOUND, 404, "", "{\"detail\":\"Not Found\"}"));
  }

  @Test
  void anErrorGivenAsAPlainStringIsTheMessage() {
    assertThat(classify(404, NO_HEADERS, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"))
        .isEqualTo(new Terminal("openai", Terminal.Kind.NOT_FOUND, 404, "", "model \"llama9\" not found, try pulling it first"));
  }

  // ---- recorded error responses ------------------------------------------------------------------------

  private record Expected(String provider, ProviderError error) {}

  private static Map<String, Expected> expectations() {
    Map<String, Expected> m = new LinkedHashMap<>();
    String a = "anthropic";
    String o = "openai";
    m.put("anthropic-messages/errors/count-tokens-error-404-not-found", new Expected(a,
        new Terminal(a, Terminal.Kind.NOT_FOUND, 404, "req_011CVEA3SF7rnb3DuBZytqQa", "model: claude-does-not-exist")));
    m.put("anthropic-messages/errors/error-400-invalid-request", new Expected(a,
        new Terminal(a, Terminal.Kind.INVALID_REQUEST, 400, "req_011CYHyk9NPsBYeGbC9LuDNK", "messages.0.content.1: unexpected `tool_use_id` found in "
            + "`tool_result` blocks: toolu_01GHndag5wQmbzNihYmV2UBj. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.")));
    m.put("anthropic-messages/errors/error-401-authentication", new Expected(a,
        new Terminal(a, Terminal.Kind.AUTHENTICATION, 401, "", "invalid x-api-key")));
    m.put("anthropic-messages/errors/error-404-docs-example", new Expected(a,
        new Terminal(a, Terminal.Kind.NOT_FOUND, 404, "req_011CSHoEeqs5C35K2UUqR7Fy", "The requested resource could not be found.")));
    m.put("anthropic-messages/errors/error-429-rate-limit", new Expected(a,
        new Transient(a, Transient.Kind.RATE_LIMITED, 429, "req_011CYK5n67SytMUxm8WMZUWY", "This request would exceed your organization's rate limit of "
            + "20,000,000 prompt bytes per hour (org: 5576611f-a1ee-427c-9800-298d9579899c, model: claude-sonnet-4-5-20250929). For details, refer to: "
            + "https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the "
            + "maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your "
            + "options for a rate limit increase.", Optional.empty())));
    m.put("anthropic-messages/errors/error-500-api-error", new Expected(a,
        new Transient(a, Transient.Kind.SERVER_ERROR, 500, "req_011CZriQ7LQRRUrZ4zNutBbM", "Internal server error", Optional.empty())));
    m.put("anthropic-messages/errors/error-529-overloaded", new Expected(a,
        new Transient(a, Transient.Kind.OVERLOADED, 529, "req_01RCc7MbLyQNtGKzBTv8VCep", "Overloaded", Optional.empty())));
    m.put("anthropic-messages/errors/error-529-overloaded.legacy-no-request-id", new Expected(a,
        new Transient(a, Transient.Kind.OVERLOADED, 529, "", "Overloaded", Optional.empty())));
    String quota = "You exceeded your current quota, please check your plan and billing details. For more information on this error, "
        + "read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.";
    String rate = "Rate limit reached for o4-mini in organization org-******* on tokens per min (TPM): Limit 200000, Used 162960, Requested 42288. "
        + "Please try again in 1.574s. Visit https://platform.openai.com/account/rate-limits to learn more.";
    String server = "The server had an error processing your request. Sorry about that! You can retry your request, or contact us through our "
        + "help center at help.openai.com if you keep seeing this error. (Please include the request ID req_540c6eaab7f4556b2baa22bcba915d51 in your email.)";
    String badKey = "Incorrect API key provided: ''. You can find your API key at https://platform.openai.com/account/api-keys.";
    for (String api : List.of("openai-chat-completions", "openai-responses")) {
      m.put(api + "/errors/error-401-invalid-api-key", new Expected(o, new Terminal(o, Terminal.Kind.AUTHENTICATION, 401, "", badKey)));
      m.put(api + "/errors/error-429-insufficient-quota", new Expected(o, new Terminal(o, Terminal.Kind.QUOTA_EXHAUSTED, 429, "", quota)));
      m.put(api + "/errors/error-429-rate-limit-exceeded", new Expected(o,
          new Transient(o, Transient.Kind.RATE_LIMITED, 429, "req_00000000000000000000000000000000", rate, Optional.of(Duration.ofSeconds(2)))));
      m.put(api + "/errors/error-500-server-error", new Expected(o, new Transient(o, Transient.Kind.SERVER_ERROR, 500, "", server, Optional.empty())));
    }
    m.put("openai-chat-completions/errors/error-400-context-length-exceeded", new Expected(o,
        new Terminal(o, Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 400, "", "This model's maximum context length is 128000 tokens. However, your messages "
            + "resulted in 202868 tokens (202767 in the messages, 101 in the functions). Please reduce the length of the messages or functions.")));
    m.put("openai-responses/errors/error-400-invalid-value", new Expected(o,
        new Terminal(o, Terminal.Kind.INVALID_REQUEST, 400, "", "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.")));
    m.put("openai-responses/errors/error-404-item-not-found-store-false", new Expected(o,
        new Terminal(o, Terminal.Kind.NOT_FOUND, 404, "", "Item with id 'rs_04962823ecde01b901698e138042688193a657e07614b238c3' not found. Items are not "
            + "persisted when `store` is set to false. Try again with `store` set to true, or remove this item from your input.")));
    return m;
  }

  @Test
  void everyRecordedErrorResponseIsClassifiedAsExpected() throws IOException {
    Path root = ProviderFixtures.require();
    JsonNode index = JSON.readTree(root.resolve("index.json").toFile());
    Map<String, Expected> expected = expectations();
    TreeSet<String> seen = new TreeSet<>();
    for (JsonNode fixture : index.get("fixtures")) {
      String id = fixture.get("id").asText();
      int indexStatus = fixture.get("status").asInt();
      JsonNode files = fixture.get("files");
      if (!id.contains("/errors/") || indexStatus == 200) continue;
      seen.add(id);
      assertThat(expected).as("an expectation for recorded error %s", id).containsKey(id);
      JsonNode http = files.has("http.json") ? JSON.readTree(root.resolve(files.get("http.json").asText()).toFile()) : JSON.createObjectNode();
      int status = http.path("status").asInt(indexStatus);
      assertThat(status).as("status of %s", id).isEqualTo(indexStatus);
      Map<String, List<String>> headerMap = new LinkedHashMap<>();
      http.path("response_headers").properties().forEach(h -> headerMap.put(h.getKey(), List.of(h.getValue().asText())));
      String bodyFile = files.has("response.json") ? files.get("response.json").asText() : files.get("body.json").asText();
      byte[] body = Files.readAllBytes(root.resolve(bodyFile));

      Expected want = expected.get(id);
      ProviderError got = ErrorClassifier.fromResponse(want.provider(), status, HttpHeaders.of(headerMap, (k, v) -> true), body);
      assertThat(got).as("classification of %s", id).isEqualTo(want.error());
      assertThat(got.message()).as("message of %s", id).isEqualTo(JSON.readTree(body).get("error").get("message").asText());
    }
    assertThat(seen).as("recorded error responses").containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void recordedMidStreamErrorsAreClassified() throws IOException {
    Path root = ProviderFixtures.require();
    assertThat(lastError(root.resolve("anthropic-messages/errors/stream-error-overloaded.assembled.sse"), "anthropic"))
        .isEqualTo(new Transient("anthropic", Transient.Kind.OVERLOADED, 0, "", "Overloaded", Optional.empty()));
    assertThat(lastError(root.resolve("anthropic-messages/errors/stream-error-overloaded.event.sse"), "anthropic"))
        .isEqualTo(new Transient("anthropic", Transient.Kind.OVERLOADED, 0, "", "Overloaded", Optional.empty()));
    ProviderError server = lastError(root.resolve("openai-responses/errors/stream-error-server-error.event.sse"), "openai");
    assertThat(server).isInstanceOf(Transient.class);
    assertThat(((Transient) server).kind()).isEqualTo(Transient.Kind.SERVER_ERROR);
    assertThat(server.message()).startsWith("An error occurred while processing your request.");
    ProviderError quota = lastError(root.resolve("openai-responses/errors/stream-error-insufficient-quota.sse"), "openai");
    assertThat(quota).isEqualTo(new Terminal("openai", Terminal.Kind.QUOTA_EXHAUSTED, 0, "", "You exceeded your current quota, please check your plan "
        + "and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."));
    assertThat(lastError(root.resolve("openai-responses/errors/stream-failed-context-length-exceeded.assembled.sse"), "openai")).isEqualTo(
        new Terminal("openai", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, "", "Your input exceeds the context window of this model. Please adjust your input and try again."));
  }

  /** The last error in a recorded stream: an {@code error} event's error, or a {@code response.failed} response's error. */
  private static ProviderError lastError(Path sse, String provider) throws IOException {
    List<JsonNode> errors = new ArrayList<>();
    try (SseReader reader = new SseReader(new ByteArrayInputStream(Files.readAllBytes(sse)))) {
      for (Optional<SseEvent> e = reader.next(); e.isPresent(); e = reader.next()) {
        JsonNode data = JSON.readTree(e.get().data());
        if (e.get().event().equals("error")) errors.add(data.get("error"));
        if (e.get().event().equals("response.failed")) errors.add(data.get("response").get("error"));
      }
    }
    assertThat(errors).as("errors in %s", sse).isNotEmpty();
    JsonNode error = errors.getLast();
    String typeOrCode = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText();
    return ErrorClassifier.fromStreamError(provider, typeOrCode, error.path("message").asText(), null);
  }

  // ---- mid-stream errors ---------------------------------------------------------------------------------

  @Test
  void streamErrorsAreClassifiedByTypeOrCode() {
    assertThat(ErrorClassifier.fromStreamError("anthropic", "overloaded_error", "Overloaded", "req_1"))
        .isEqualTo(new Transient("anthropic", Transient.Kind.OVERLOADED, 0, "req_1", "Overloaded", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("anthropic", "rate_limit_error", "slow", "req_1"))
        .isEqualTo(new Transient("anthropic", Transient.Kind.RATE_LIMITED, 0, "req_1", "slow", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("openai", "rate_limit_exceeded", "slow", ""))
        .isEqualTo(new Transient("openai", Transient.Kind.RATE_LIMITED, 0, "", "slow", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("openai", "server_error", "oops", ""))
        .isEqualTo(new Transient("openai", Transient.Kind.SERVER_ERROR, 0, "", "oops", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("anthropic", "api_error", "Internal server error", ""))
        .isEqualTo(new Transient("anthropic", Transient.Kind.SERVER_ERROR, 0, "", "Internal server error", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("openai", "insufficient_quota", "pay up", ""))
        .isEqualTo(new Terminal("openai", Terminal.Kind.QUOTA_EXHAUSTED, 0, "", "pay up"));
    assertThat(ErrorClassifier.fromStreamError("openai", "context_length_exceeded", "too long", ""))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, "", "too long"));
    assertThat(ErrorClassifier.fromStreamError("anthropic", "invalid_request_error", "prompt is too long: 1 tokens > 0 maximum", ""))
        .isEqualTo(new Terminal("anthropic", Terminal.Kind.CONTEXT_LENGTH_EXCEEDED, 0, "", "prompt is too long: 1 tokens > 0 maximum"));
    assertThat(ErrorClassifier.fromStreamError("openai", "content_policy_violation", "no", ""))
        .isEqualTo(new Terminal("openai", Terminal.Kind.CONTENT_POLICY, 0, "", "no"));
    assertThat(ErrorClassifier.fromStreamError("openai", "invalid_prompt", "bad prompt", ""))
        .isEqualTo(new Terminal("openai", Terminal.Kind.INVALID_REQUEST, 0, "", "bad prompt"));
  }

  @Test
  void aStreamErrorWithoutTypeOrMessageIsATransientServerErrorWithADefaultMessage() {
    assertThat(ErrorClassifier.fromStreamError("openai", null, null, null))
        .isEqualTo(new Transient("openai", Transient.Kind.SERVER_ERROR, 0, "", "the provider reported an error mid-stream", Optional.empty()));
    assertThat(ErrorClassifier.fromStreamError("openai", "", "", null).message()).isEqualTo("the provider reported an error mid-stream");
  }

  // ---- I/O failures --------------------------------------------------------------------------------------

  @Test
  void aTimeoutIsATransientTimeout() {
    assertThat(ErrorClassifier.fromIo("openai", new HttpTimeoutException("request timed out"), false))
        .isEqualTo(new Transient("openai", Transient.Kind.TIMEOUT, 0, "", "timed out: request timed out", Optional.empty()));
    assertThat(ErrorClassifier.fromIo("openai", new HttpConnectTimeoutException("HTTP connect timed out"), false))
        .isEqualTo(new Transient("openai", Transient.Kind.TIMEOUT, 0, "", "timed out: HTTP connect timed out", Optional.empty()));
  }

  @Test
  void aFailureBeforeTheResponseIsATransientNetworkError() {
    assertThat(ErrorClassifier.fromIo("local", new ConnectException("Connection refused"), false))
        .isEqualTo(new Transient("local", Transient.Kind.NETWORK, 0, "", "cannot reach the provider: Connection refused", Optional.empty()));
    assertThat(ErrorClassifier.fromIo("local", new ConnectException(), false).message()).isEqualTo("cannot reach the provider: ConnectException");
  }

  @Test
  void aFailureMidStreamIsATransientStreamInterruption() {
    assertThat(ErrorClassifier.fromIo("anthropic", new IOException("connection reset"), true))
        .isEqualTo(new Transient("anthropic", Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: connection reset", Optional.empty()));
  }

  // ---- describe ------------------------------------------------------------------------------------------

  @Test
  void describeNamesProviderStatusRequestIdAndMessage() {
    assertThat(new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "req_1", "slow down", Optional.empty()).describe())
        .isEqualTo("openai returned HTTP 429 (request req_1): slow down");
    assertThat(new Terminal("anthropic", Terminal.Kind.AUTHENTICATION, 401, "", "invalid x-api-key").describe())
        .isEqualTo("anthropic returned HTTP 401: invalid x-api-key");
    assertThat(new Transient("local", Transient.Kind.NETWORK, 0, "", "cannot reach the provider: Connection refused", Optional.empty()).describe())
        .isEqualTo("local call failed: cannot reach the provider: Connection refused");
    assertThat(new Transient("anthropic", Transient.Kind.OVERLOADED, 0, "req_2", "Overloaded", Optional.empty()).describe())
        .isEqualTo("anthropic call failed (request req_2): Overloaded");
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private static ProviderError classify(int status, HttpHeaders headers, String body) {
    return ErrorClassifier.fromResponse("openai", status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Duration> retryAfterOf(HttpHeaders headers) {
    return ((Transient) classify(429, headers, "{}")).retryAfter();
  }

  private static String openAiError(String message, String code) {
    return "{\"error\":{\"message\":\"" + message.replace("\"", "\\\"") + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":"
        + (code == null ? "null" : "\"" + code + "\"") + "}}";
  }

  private static String anthropicError(String type, String message) {
    return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
  }

  private static HttpHeaders headers(String... namesAndValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    return HttpHeaders.of(map, (k, v) -> true);
  }
}
