package dev.lightspeed.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How transient provider errors are retried in-process: exponential backoff from {@code initialDelay},
 * doubling, capped at {@code maxDelay}, at most {@code maxAttempts} attempts in all. A provider's
 * Retry-After replaces the computed delay (still capped).
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
  /** 2 s doubling to 60 s, 15 attempts. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(60), 15);

  public RetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative()) throw new IllegalArgumentException("initialDelay < 0: " + initialDelay);
    if (maxDelay.isNegative()) throw new IllegalArgumentException("maxDelay < 0: " + maxDelay);
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
  }

  /**
   * {@return the delay before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed}
   * A negative Retry-After counts as zero.
   *
   * @throws IllegalArgumentException when {@code attempt < 1}
   */
  public Duration delayAfter(int attempt, Optional<Duration> retryAfter) {
    if (attempt < 1) throw new IllegalArgumentException("attempt < 1: " + attempt);
    Duration delay = retryAfter.map(d -> d.isNegative() ? Duration.ZERO : d).orElseGet(() -> backoff(attempt));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  private Duration backoff(int attempt) {
    try {
      return initialDelay.multipliedBy(1L << Math.min(30, attempt - 1));
    } catch (ArithmeticException beyondDuration) {
      return maxDelay;
    }
  }
}
