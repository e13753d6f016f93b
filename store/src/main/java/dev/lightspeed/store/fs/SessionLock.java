package dev.lightspeed.store.fs;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one session directory. Always excludes other threads of this JVM (through a striped
 * lock shared by every store instance, keyed by the directory's path); {@link #acrossProcesses()} also takes an
 * OS lock on the session's {@code lock} file so other processes wait too. The in-JVM lock comes first because
 * the JVM refuses a second OS lock on a file it already holds one on.
 */
final class SessionLock implements AutoCloseable {
  private static final ReentrantLock[] STRIPES = new ReentrantLock[256];

  static {
    for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
  }

  private final SessionFiles files;
  private final ReentrantLock stripe;
  private FileChannel channel;

  private SessionLock(SessionFiles files, ReentrantLock stripe) {
    this.files = files;
    this.stripe = stripe;
  }

  /** Blocks until no other thread of this JVM holds the session. */
  static SessionLock acquire(SessionFiles files) {
    ReentrantLock stripe = STRIPES[Math.floorMod(files.dir().hashCode(), STRIPES.length)];
    stripe.lock();
    return new SessionLock(files, stripe);
  }

  /** Blocks until no other process holds the session either; the session directory must exist. */
  void acrossProcesses() throws IOException {
    if (channel != null) return;
    FileChannel opened = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      opened.lock();
    } catch (IOException | RuntimeException e) {
      try {
        opened.close();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    channel = opened;
  }

  /** Releases the OS lock, if taken, then the in-JVM lock. */
  @Override
  public void close() {
    try {
      if (channel != null) channel.close();
    } catch (IOException e) {
      throw new StoreIoException("cannot release the lock of " + files.dir(), e);
    } finally {
      stripe.unlock();
    }
  }
}
