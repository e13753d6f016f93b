package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {

  @Test
  void anErrorHasTheEnvelopeOfTheRecordedOnes() {
    FakeResponse response = OpenAiErrors.error(400, "invalid_request_error", "decimal_below_min_value", "temperature", "Invalid 'temperature'.");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).isEqualTo(
        "{\"error\":{\"message\":\"Invalid 'temperature'.\",\"type\":\"invalid_request_error\","
            + "\"param\":\"temperature\",\"code\":\"decimal_below_min_value\"}}");
    assertThat(response.findHeader("x-request-id")).contains("req_fake");
    assertThat(response.findHeader("content-type")).contains("application/json");
    String recorded = new String(Fixtures.responseBody("openai-responses/errors/error-401-invalid-api-key"), StandardCharsets.UTF_8);
    assertThat(CanonicalJson.parseObject(response.bodyText()).object("error").members().keySet())
        .containsExactlyElementsOf(CanonicalJson.parseObject(recorded).object("error").members().keySet());
  }

  @Test
  void rateLimitedCarriesRetryAfterInSecondsAndMilliseconds() {
    FakeResponse response = OpenAiErrors.rateLimited(Duration.ofMillis(1574));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.findHeader("retry-after")).contains("2");
    assertThat(response.findHeader("retry-after-ms")).contains("1574");
    assertThat(CanonicalJson.parseObject(response.bodyText()).object("error").string("code")).isEqualTo("rate_limit_exceeded");
  }

  @Test
  void theCannedErrorsHaveTheRecordedTypesAndCodes() {
    assertThat(OpenAiErrors.insufficientQuota().bodyText()).contains("\"type\":\"insufficient_quota\"", "\"code\":\"insufficient_quota\"");
    assertThat(OpenAiErrors.serverError().status()).isEqualTo(500);
    assertThat(OpenAiErrors.serverError().bodyText()).contains("\"type\":\"server_error\",\"param\":null,\"code\":null");
    assertThat(OpenAiErrors.invalidApiKey().status()).isEqualTo(401);
    assertThat(OpenAiErrors.invalidApiKey().bodyText()).contains("\"code\":\"invalid_api_key\"");
    assertThat(OpenAiErrors.contextLengthExceeded("messages").bodyText())
        .contains("\"param\":\"messages\",\"code\":\"context_length_exceeded\"");
  }
}
