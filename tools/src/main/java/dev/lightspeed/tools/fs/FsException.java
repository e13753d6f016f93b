package dev.lightspeed.tools.fs;

import java.util.Objects;

/**
 * A file operation failed in a way the model can act on. The message is complete and meant to be shown as is
 * ({@code file not found: /workspace/x}); {@link #error()} says why for code that branches on it.
 */
public final class FsException extends RuntimeException {
  private final FsError error;

  public FsException(FsError error, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.error = Objects.requireNonNull(error, "error");
  }

  public FsException(FsError error, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.error = Objects.requireNonNull(error, "error");
  }

  public FsError error() {
    return error;
  }

  /** {@return the error for a missing file at {@code path}} */
  public static FsException notFound(Object path) {
    return new FsException(FsError.NOT_FOUND, "file not found: " + path);
  }
}
