package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.ForwardingSessionLog;
import dev.lightspeed.store.log.SessionLog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The log as a worker process that is about to die sees it: the append carrying an entry of a chosen kind
 * stops before writing and never writes (it throws once the worker interrupts it); every append after that
 * fails too. So a test can stop a worker while it is inside a workflow task (appends are local activities)
 * without the dead worker writing anything afterwards.
 */
final class DyingLog extends ForwardingSessionLog {
  private final CountDownLatch reached = new CountDownLatch(1);
  private volatile String dieAt;
  private volatile boolean dead;

  DyingLog(SessionLog delegate) {
    super(delegate);
  }

  /** Makes the next append holding an entry of {@code kind} (full kind name) the last one this log attempts. */
  void dieAtNextAppendOf(String kind) {
    dieAt = kind;
  }

  /** Waits until the fatal append has been reached. */
  void awaitDying() {
    try {
      if (!reached.await(HostedHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("no append of " + dieAt + " came");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    String kind = dieAt;
    if (!dead && kind != null && entries.stream().anyMatch(e -> e.event().kind().equals(kind))) {
      dead = true;
      reached.countDown();
      try {
        new CountDownLatch(1).await(); // until the dying worker interrupts this thread
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (dead) throw new StoreIoException("this worker has died", new IOException("process gone"));
    return super.append(universe, session, expectedHead, entries);
  }
}
