package dev.lightspeed.store.vfs;

import java.util.Objects;

/**
 * A path could not be turned into a {@link VfsPath}: it is empty, holds a NUL, has an empty component, climbs
 * above the root, or is too long. The message quotes the input and says what is wrong, so it can be shown to a
 * model as is.
 */
public final class VfsPathException extends IllegalArgumentException {
  private final String input;

  public VfsPathException(String input, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.input = Objects.requireNonNull(input, "input");
  }

  /** {@return the path text that was refused} */
  public String input() {
    return input;
  }
}
