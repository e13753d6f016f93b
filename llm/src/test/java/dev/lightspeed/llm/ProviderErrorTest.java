package dev.lightspeed.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.llm.ProviderError.Terminal;
import dev.lightspeed.llm.ProviderError.Transient;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderErrorTest {

  @Test
  void describeNamesTheProviderStatusRequestIdAndMessage() {
    assertThat(new Transient("openai", Transient.Kind.RATE_LIMITED, 429, "req_1", "slow down", Optional.of(Duration.ofSeconds(2))).describe())
        .isEqualTo("openai returned HTTP 429 (request req_1): slow down");
    assertThat(new Terminal("local", Terminal.Kind.UNSUPPORTED, 0, "", "images are not supported").describe())
        .isEqualTo("local call failed: images are not supported");
  }

  @Test
  void everyFieldIsRequired() {
    assertThatThrownBy(() -> new Transient(null, Transient.Kind.NETWORK, 0, "", "m", Optional.empty())).hasMessage("provider");
    assertThatThrownBy(() -> new Transient("p", null, 0, "", "m", Optional.empty())).hasMessage("kind");
    assertThatThrownBy(() -> new Transient("p", Transient.Kind.NETWORK, 0, null, "m", Optional.empty())).hasMessage("requestId");
    assertThatThrownBy(() -> new Transient("p", Transient.Kind.NETWORK, 0, "", null, Optional.empty())).hasMessage("message");
    assertThatThrownBy(() -> new Transient("p", Transient.Kind.NETWORK, 0, "", "m", null)).hasMessage("retryAfter");
    assertThatThrownBy(() -> new Terminal(null, Terminal.Kind.NOT_FOUND, 404, "", "m")).hasMessage("provider");
    assertThatThrownBy(() -> new Terminal("p", null, 404, "", "m")).hasMessage("kind");
    assertThatThrownBy(() -> new Terminal("p", Terminal.Kind.NOT_FOUND, 404, null, "m")).hasMessage("requestId");
    assertThatThrownBy(() -> new Terminal("p", Terminal.Kind.NOT_FOUND, 404, "", null)).hasMessage("message");
  }

  @Test
  void anExceptionCarriesTheErrorItsDescriptionAndItsCause() {
    IOException cause = new IOException("reset");
    Transient error = new Transient("anthropic", Transient.Kind.STREAM_INTERRUPTED, 0, "", "the response stream broke: reset", Optional.empty());
    ProviderException e = new ProviderException(error, cause);
    assertThat(e.error()).isSameAs(error);
    assertThat(e).hasMessage("anthropic call failed: the response stream broke: reset").hasCause(cause);
    assertThat(e.isTransient()).isTrue();
    assertThat(new ProviderException(new Terminal("openai", Terminal.Kind.NOT_FOUND, 404, "", "no")).isTransient()).isFalse();
  }
}
