package dev.lightspeed.server.events;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionLog;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes readers waiting for a session's log to grow. Appends made through {@link NotifyingSessionLog} in
 * this process wake them at once; appends made by another process are noticed by reading the head every
 * {@link #POLL} as a backstop. Safe for concurrent use; state is kept only while someone waits or listens.
 */
public final class AppendSignal {
  /** How often a waiter reads the head itself, for appends this process does not see. */
  public static final Duration POLL = Duration.ofMillis(250);

  /** A registered listener; closing it unregisters. */
  public interface Listening extends AutoCloseable {
    @Override
    void close();
  }

  private record Key(UniverseId universe, SessionId session) {}

  /** Waiters and listeners of one session; {@code version} counts appends so a wake-up is never lost. */
  private static final class Watch {
    long version;
    int users;
    final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
  }

  private final SessionLog log;
  private final Map<Key, Watch> watches = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /** @param log the store to read heads from (the undecorated one is fine) */
  public AppendSignal(SessionLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /** Tells waiters and listeners of the session that entries were committed to its log. */
  public void appended(UniverseId universe, SessionId session) {
    Watch watch = watches.get(new Key(universe, session));
    if (watch == null) return;
    synchronized (watch) {
      watch.version++;
      watch.notifyAll();
    }
    for (Runnable listener : watch.listeners) listener.run();
  }

  /**
   * Releases every waiter now and makes later waits return at once, so a stopping gateway answers its
   * long-polls instead of holding them open. Listeners are not affected.
   */
  public void stop() {
    stopped = true;
    for (Watch watch : watches.values()) {
      synchronized (watch) {
        watch.version++;
        watch.notifyAll();
      }
    }
  }

  /**
   * Waits until the session's head passes {@code afterSeq}, {@code timeout} elapses or {@link #stop} is
   * called.
   *
   * @return whether the head passed {@code afterSeq}
   * @throws dev.lightspeed.store.log.SessionNotFoundException when the session disappears
   */
  public boolean awaitAfter(UniverseId universe, SessionId session, long afterSeq, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Watch watch = join(new Key(universe, session));
    try {
      while (true) {
        long seen;
        synchronized (watch) {
          seen = watch.version;
        }
        if (log.head(universe, session) > afterSeq) return true;
        long left = deadline - System.nanoTime();
        if (left <= 0 || stopped) return false;
        synchronized (watch) {
          if (watch.version == seen) watch.wait(Math.max(1, Math.min(POLL.toMillis(), left / 1_000_000)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      leave(new Key(universe, session), watch);
    }
  }

  /**
   * Calls {@code listener} after each append to the session made in this process, until the returned
   * handle is closed. The listener must be fast and must not throw.
   */
  public Listening listen(UniverseId universe, SessionId session, Runnable listener) {
    Key key = new Key(universe, session);
    Watch watch = join(key);
    watch.listeners.add(listener);
    return () -> {
      watch.listeners.remove(listener);
      leave(key, watch);
    };
  }

  private Watch join(Key key) {
    return watches.compute(key, (k, existing) -> {
      Watch watch = existing == null ? new Watch() : existing;
      watch.users++;
      return watch;
    });
  }

  private void leave(Key key, Watch watch) {
    watches.computeIfPresent(key, (k, existing) -> {
      if (existing != watch) return existing;
      existing.users--;
      return existing.users == 0 ? null : existing;
    });
  }
}
