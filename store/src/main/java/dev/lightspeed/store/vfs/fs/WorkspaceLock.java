package dev.lightspeed.store.vfs.fs;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Exclusive access to one workspace directory, against threads of this JVM (a striped lock keyed by the
 * directory) and then other processes (an OS lock on the directory's {@code lock} file). The in-JVM lock
 * comes first because the JVM refuses a second OS lock on a file it already holds one on. The lock file is
 * never deleted, so a waiter never ends up holding a lock on an unlinked file.
 */
final class WorkspaceLock implements AutoCloseable {
  private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
  }

  private final ReentrantLock stripe;
  private final FileChannel channel;

  private WorkspaceLock(ReentrantLock stripe, FileChannel channel) {
    this.stripe = stripe;
    this.channel = channel;
  }

  /** Runs {@code body} holding {@code dir} (created when absent) and {@return what it returns} */
  static <T> T holding(Path dir, Supplier<T> body) {
    WorkspaceLock lock = acquire(dir);
    try {
      return body.get();
    } finally {
      lock.close();
    }
  }

  /** Blocks until this thread holds {@code dir}, creating the directory when absent. */
  private static WorkspaceLock acquire(Path dir) {
    ReentrantLock stripe = STRIPES[Math.floorMod(dir.toAbsolutePath().hashCode(), STRIPES.length)];
    stripe.lock();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      return new WorkspaceLock(stripe, channel);
    } catch (IOException | RuntimeException e) {
      try {
        if (channel != null) channel.close();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      } finally {
        stripe.unlock();
      }
      if (e instanceof IOException io) throw new StoreIoException("cannot lock workspace directory " + dir, io);
      throw (RuntimeException) e;
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new StoreIoException("cannot release a workspace lock", e);
    } finally {
      stripe.unlock();
    }
  }
}
