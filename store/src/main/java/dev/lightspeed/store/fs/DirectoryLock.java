package dev.lightspeed.store.fs;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Exclusive access to a directory of small records, against threads of this JVM (a striped lock keyed by the
 * directory) and then other processes (an OS lock on the directory's {@code lock} file). The in-JVM lock comes
 * first because the JVM refuses a second OS lock on a file it already holds one on. The lock file is never
 * deleted, so a waiter never ends up holding a lock on an unlinked file.
 */
public final class DirectoryLock {
  private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

  static {
    for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
  }

  private DirectoryLock() {}

  /** Runs {@code body} holding {@code dir} (created when absent) and {@return what it returns} */
  public static <T> T holding(Path dir, Supplier<T> body) {
    ReentrantLock stripe = STRIPES[Math.floorMod(dir.toAbsolutePath().hashCode(), STRIPES.length)];
    stripe.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.lock();
        return body.get();
      }
    } catch (IOException e) {
      throw new StoreIoException("cannot lock directory " + dir, e);
    } finally {
      stripe.unlock();
    }
  }
}
