package dev.lightspeed.testkit.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InstantSource} that moves only when a test moves it, so timestamps a store records are exact
 * and ordering by time is under the test's control. Safe for concurrent use.
 */
public final class ManualClock implements InstantSource {
  private final AtomicReference<Instant> now;

  public ManualClock(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /** {@return a clock standing at {@code epochMilli}} */
  public static ManualClock atEpochMilli(long epochMilli) {
    return new ManualClock(Instant.ofEpochMilli(epochMilli));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward by {@code amount}. @throws IllegalArgumentException when negative */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) throw new IllegalArgumentException("amount < 0: " + amount);
    now.updateAndGet(t -> t.plus(amount));
  }

  /** Moves the clock forward by {@code millis}. @throws IllegalArgumentException when negative */
  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }

  /** Sets the clock to {@code instant}, which may be earlier than now (as a wall clock can jump back). */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }
}
