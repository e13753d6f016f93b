package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.drive.EffectContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point an effect stops at until the test lets it through, so a test can act while a model call or a tool
 * call is known to be in flight without sleeping for a guessed time. Thread-safe.
 */
final class Gate {
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /**
   * Called by the effect: marks the gate entered and waits for {@link #release}.
   *
   * @return true when released, false when the effect was aborted or interrupted first
   */
  boolean pass(EffectContext ctx) {
    entered.countDown();
    try {
      while (!released.await(2, TimeUnit.MILLISECONDS)) {
        if (ctx != null && ctx.aborted()) return false;
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits (up to {@link RunnerHarness#WAIT}) until an effect has entered the gate. */
  void awaitEntered() {
    try {
      if (!entered.await(RunnerHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("nothing entered the gate");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  boolean entered() {
    return entered.getCount() == 0;
  }

  void release() {
    released.countDown();
  }
}
