package dev.lightspeed.store.profile.fs;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Exclusive access to one universe's profile directory, against threads of this JVM (a striped lock keyed by
 * the directory) and then other processes (an OS lock on the directory's {@code lock} file). The in-JVM lock
 * comes first because the JVM refuses a second OS lock on a file it already holds one on. Profiles change
 * rarely, so one lock per universe is enough.
 */
final class ProfileLock {
  private static final ReentrantLock[] STRIPES = new ReentrantLock[16];

  static {
    for (int i = 0; i < STRIPES.length; i++) STRIPES[i] = new ReentrantLock();
  }

  private ProfileLock() {}

  /** Runs {@code body} holding {@code dir} (created when absent) and {@return what it returns} */
  static <T> T holding(Path dir, Supplier<T> body) {
    ReentrantLock stripe = STRIPES[Math.floorMod(dir.toAbsolutePath().hashCode(), STRIPES.length)];
    stripe.lock();
    try {
      Files.createDirectories(dir);
      try (FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.lock();
        return body.get();
      }
    } catch (IOException e) {
      throw new StoreIoException("cannot lock profile directory " + dir, e);
    } finally {
      stripe.unlock();
    }
  }
}
