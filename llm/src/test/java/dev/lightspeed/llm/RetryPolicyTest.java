package dev.lightspeed.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Optional<Duration> NONE = Optional.empty();

  @Test
  void theDefaultIsTwoSecondsDoublingToSixtyWithFifteenAttempts() {
    assertThat(RetryPolicy.DEFAULT).isEqualTo(new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 15));
  }

  @Test
  void delaysDoubleFromTheInitialDelayUntilTheCap() {
    RetryPolicy p = RetryPolicy.DEFAULT;
    assertThat(p.delayAfter(1, NONE)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayAfter(2, NONE)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.delayAfter(3, NONE)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.delayAfter(5, NONE)).isEqualTo(Duration.ofSeconds(32));
    assertThat(p.delayAfter(6, NONE)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.delayAfter(14, NONE)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void veryLateAttemptsStayAtTheCap() {
    assertThat(RetryPolicy.DEFAULT.delayAfter(Integer.MAX_VALUE, NONE)).isEqualTo(Duration.ofSeconds(60));
    RetryPolicy huge = new RetryPolicy(Duration.ofSeconds(Long.MAX_VALUE / 4), Duration.ofDays(1), 100);
    assertThat(huge.delayAfter(40, NONE)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void retryAfterReplacesTheComputedDelay() {
    assertThat(RetryPolicy.DEFAULT.delayAfter(5, Optional.of(Duration.ofMillis(1500)))).isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Optional.of(Duration.ofSeconds(9)))).isEqualTo(Duration.ofSeconds(9));
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
  }

  @Test
  void retryAfterIsStillCapped() {
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void aNegativeRetryAfterMeansNoWait() {
    assertThat(RetryPolicy.DEFAULT.delayAfter(1, Optional.of(Duration.ofSeconds(-3)))).isEqualTo(Duration.ZERO);
  }

  @Test
  void attemptsAreCountedFromOne() {
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.delayAfter(0, NONE)).isInstanceOf(IllegalArgumentException.class).hasMessage("attempt < 1: 0");
  }

  @Test
  void invalidPoliciesAreRejected() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxAttempts < 1: 0");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(-1), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("initialDelay < 0: PT-1S");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMillis(-5), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxDelay < 0: PT-0.005S");
    assertThatThrownBy(() -> new RetryPolicy(null, Duration.ofSeconds(1), 3)).isInstanceOf(NullPointerException.class).hasMessage("initialDelay");
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), null, 3)).isInstanceOf(NullPointerException.class).hasMessage("maxDelay");
  }

  @Test
  void oneAttemptAndZeroDelaysAreAllowed() {
    RetryPolicy p = new RetryPolicy(Duration.ZERO, Duration.ZERO, 1);
    assertThat(p.delayAfter(1, NONE)).isEqualTo(Duration.ZERO);
  }
}
