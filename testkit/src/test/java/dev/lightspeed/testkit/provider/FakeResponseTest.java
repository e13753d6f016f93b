package dev.lightspeed.testkit.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FakeResponseTest {

  @Test
  void sseIsCutAtBlankLinesWithoutChangingAByte() {
    String stream = "event: a\ndata: {}\n\ndata: b\r\n\r\n: comment\ndata: tail";

    FakeResponse response = FakeResponse.sse(stream);

    assertThat(response.events()).containsExactly("event: a\ndata: {}\n\n", "data: b\r\n\r\n", ": comment\ndata: tail");
    assertThat(response.body()).isEqualTo(stream.getBytes(StandardCharsets.UTF_8));
    assertThat(response.isSse()).isTrue();
    assertThat(response.findHeader("Content-Type")).contains("text/event-stream");
  }

  @Test
  void jsonIsOneEventWithJsonContentType() {
    FakeResponse response = FakeResponse.json("{\"a\":1}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.events()).containsExactly("{\"a\":1}");
    assertThat(response.headers()).containsOnlyKeys("Content-Type");
    assertThat(response.findHeader("content-type")).contains("application/json");
  }

  @Test
  void withHeaderReplacesIgnoringCaseAndReturnsACopy() {
    FakeResponse original = FakeResponse.json("{}");

    FakeResponse changed = original.withHeader("content-type", "text/plain").withHeader("X-A", "1").withHeader("x-a", "2");

    assertThat(changed.headers()).containsOnlyKeys("content-type", "x-a");
    assertThat(changed.findHeader("X-A")).contains("2");
    assertThat(original.findHeader("x-a")).isEmpty();
    assertThat(changed.withoutHeader("CONTENT-TYPE").headers()).containsOnlyKeys("x-a");
  }

  @Test
  void framingHeadersAreTheServersToSet() {
    assertThatThrownBy(() -> FakeResponse.json("{}").withHeader("Content-Length", "3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Content-Length is set by the server from the body");
  }

  @Test
  void optionsAreCheckedAgainstTheEvents() {
    FakeResponse two = FakeResponse.sse("data: 1\n\ndata: 2\n\n");

    assertThat(two.dropConnectionAfterEvents(2).toString()).isEqualTo("FakeResponse{200, 2 SSE events, drop after 2}");
    assertThat(two.dropConnectionAfterEvents(1).hangAfterEvents(0).toString())
        .isEqualTo("FakeResponse{200, 2 SSE events, hang after 0}");
    assertThatThrownBy(() -> two.hangAfterEvents(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be in [0, 2] (the number of events): 3");
    assertThatThrownBy(() -> two.delayBetweenEvents(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay < 0: PT-0.001S");
    assertThatThrownBy(() -> two.withStatus(42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status out of range: 42");
  }
}
