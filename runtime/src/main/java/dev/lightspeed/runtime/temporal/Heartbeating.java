package dev.lightspeed.runtime.temporal;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a long effect inside an activity while a side thread heartbeats, so Temporal notices a dead worker
 * within the heartbeat timeout. At every beat the side thread also asks whether the effect is still wanted
 * (the session log says the run goes on); when it is not, or Temporal reports the activity cancelled or the
 * worker shutting down, the abort signal handed to the effect turns true and the effect's thread is
 * interrupted, which cuts a provider call short.
 */
final class Heartbeating {
  /** The longest pause between two beats; shorter when the activity's heartbeat timeout is short. */
  static final Duration MAX_INTERVAL = Duration.ofSeconds(2);

  private Heartbeating() {}

  /**
   * @param fastAbort cheap, polled by the effect as often as it likes (an in-process flag)
   * @param unwanted  possibly slow (reads the log), asked once per beat
   */
  static <T> T run(BooleanSupplier fastAbort, BooleanSupplier unwanted, Function<BooleanSupplier, T> effect) {
    ActivityExecutionContext ctx = Activity.getExecutionContext();
    Duration every = interval(ctx.getInfo().getHeartbeatTimeout());
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread worker = Thread.currentThread();
    Thread.ofVirtual().name("lightspeed-heartbeat").start(() -> {
      try {
        // The first beat waits a whole interval: an effect that ends sooner never costs a heartbeat call.
        while (!finished.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
          try {
            ctx.heartbeat(null);
          } catch (ActivityCompletionException e) {
            abort(stop, finished, worker);
            return;
          } catch (RuntimeException e) {
            // A heartbeat that could not be sent is retried on the next beat.
          }
          try {
            if (fastAbort.getAsBoolean() || unwanted.getAsBoolean()) {
              abort(stop, finished, worker);
              return;
            }
          } catch (RuntimeException e) {
            // The log could not be read just now: keep going, ask again at the next beat.
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      return effect.apply(() -> stop.get() || fastAbort.getAsBoolean());
    } finally {
      synchronized (stop) {
        finished.countDown();
      }
      Thread.interrupted(); // clear an interrupt that raced the end of the effect
    }
  }

  static Duration interval(Duration heartbeatTimeout) {
    if (heartbeatTimeout == null || heartbeatTimeout.isZero() || heartbeatTimeout.isNegative()) return MAX_INTERVAL;
    Duration quarter = heartbeatTimeout.dividedBy(4);
    return quarter.compareTo(MAX_INTERVAL) < 0 ? quarter : MAX_INTERVAL;
  }

  private static void abort(AtomicBoolean stop, CountDownLatch finished, Thread worker) {
    synchronized (stop) {
      stop.set(true);
      if (finished.getCount() > 0) worker.interrupt();
    }
  }
}
