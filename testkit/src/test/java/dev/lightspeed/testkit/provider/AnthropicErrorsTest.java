package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnthropicErrorsTest {

  @Test
  void anErrorHasTheShapeOfTheRecordedOnes() {
    FakeResponse response = AnthropicErrors.overloaded();

    assertThat(response.status()).isEqualTo(529);
    assertThat(response.bodyText()).isEqualTo(
        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},\"request_id\":\"req_fake\"}");
    assertThat(response.findHeader("request-id")).contains("req_fake");
    assertThat(response.findHeader("x-should-retry")).contains("true");
    String recorded = new String(Fixtures.responseBody("anthropic-messages/errors/error-529-overloaded"), StandardCharsets.UTF_8);
    assertThat(CanonicalJson.parseObject(response.bodyText())).isEqualTo(
        CanonicalJson.parseObject(recorded.replace("req_011CZAau32QzxDkriovTaFCB", "req_fake")));
  }

  @Test
  void rateLimitedCarriesRetryAfterInWholeSeconds() {
    FakeResponse response = AnthropicErrors.rateLimited(Duration.ofMillis(2500));

    assertThat(response.status()).isEqualTo(429);
    assertThat(response.findHeader("retry-after")).contains("3");
    assertThat(CanonicalJson.parseObject(response.bodyText()).object("error").string("type")).isEqualTo("rate_limit_error");
  }

  @Test
  void clientErrorsSayNotToRetry() {
    assertThat(AnthropicErrors.invalidRequest("bad").status()).isEqualTo(400);
    assertThat(AnthropicErrors.invalidRequest("bad").findHeader("x-should-retry")).contains("false");
    assertThat(AnthropicErrors.authentication().status()).isEqualTo(401);
    assertThat(AnthropicErrors.authentication().bodyText()).contains("\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"");
    assertThat(AnthropicErrors.apiError().status()).isEqualTo(500);
    assertThat(AnthropicErrors.error(413, "request_too_large", "too big").findHeader("x-should-retry")).isEmpty();
  }
}
