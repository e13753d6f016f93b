package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.ForwardingSessionLog;
import dev.lightspeed.store.log.SessionLog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SessionLog} that passes everything to a real log but lets a test hold an append at a gate or make
 * appends fail, before or after the real log committed them (a lost acknowledgement). Thread-safe.
 */
final class ControlledLog extends ForwardingSessionLog {
  private final AtomicInteger appends = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile boolean failAfterWriting;
  private volatile String blockKind;
  private volatile Gate blockGate;

  ControlledLog(SessionLog delegate) {
    super(delegate);
  }

  /** Makes the next {@code count} appends throw {@link StoreIoException}; after writing them when {@code afterWriting}. */
  void failAppends(int count, boolean afterWriting) {
    this.failAfterWriting = afterWriting;
    failuresLeft.set(count);
  }

  /** Makes appends fail from now on, without writing. */
  void failForever() {
    failAppends(Integer.MAX_VALUE, false);
  }

  /** {@return a gate the next append holding an entry of {@code kind} (full kind name) stops at before writing} */
  Gate blockNextAppendOf(String kind) {
    Gate gate = new Gate();
    blockGate = gate;
    blockKind = kind;
    return gate;
  }

  /** {@return how many appends were attempted} */
  int appends() {
    return appends.get();
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    appends.incrementAndGet();
    Gate gate = blockGate;
    if (gate != null && entries.stream().anyMatch(e -> e.event().kind().equals(blockKind))) {
      blockGate = null;
      gate.pass(null);
    }
    boolean fail = failuresLeft.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
    if (fail && !failAfterWriting) throw new StoreIoException("the disk is on fire", new IOException("EIO"));
    List<LogEntry> committed = super.append(universe, session, expectedHead, entries);
    if (fail) throw new StoreIoException("the acknowledgement was lost", new IOException("connection reset"));
    return committed;
  }
}
