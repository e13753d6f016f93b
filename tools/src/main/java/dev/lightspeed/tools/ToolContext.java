package dev.lightspeed.tools;

import dev.lightspeed.tools.fs.FileSystem;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a tool call runs against: the session's files, and a signal that turns true when the host wants the
 * call to stop (long searches check it between files).
 */
public record ToolContext(FileSystem files, BooleanSupplier abortSignal) {
  public ToolContext {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(abortSignal, "abortSignal");
  }

  /** {@return a context that is never aborted} */
  public static ToolContext of(FileSystem files) {
    return new ToolContext(files, () -> false);
  }

  public boolean aborted() {
    return abortSignal.getAsBoolean();
  }
}
