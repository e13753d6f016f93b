package dev.lightspeed.store.fs;

import dev.lightspeed.store.StoreIoException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Small records kept one per file (workspaces, profiles): read whole, written whole with {@link AtomicFileWrite}
 * so a reader never sees half a record, and a record that cannot be decoded is reported as damaged.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /** {@return the record in {@code file}, or empty when there is none} {@code what} names it in errors. */
  public static <T> Optional<T> read(Path file, Function<byte[], T> decode, String what) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreIoException("cannot read " + what + " record " + file, e);
    }
    try {
      return Optional.of(decode.apply(bytes));
    } catch (RuntimeException e) {
      throw new StoreIoException(what + " record " + file + " is damaged: " + e.getMessage(), new IOException(e));
    }
  }

  /** Replaces the record in {@code file} with {@code bytes}, all at once. */
  public static void write(Path file, byte[] bytes, String what) {
    try {
      AtomicFileWrite.write(file, bytes);
    } catch (IOException e) {
      throw new StoreIoException("cannot write " + what + " record " + file, e);
    }
  }
}
