package dev.lightspeed.store.vfs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a workspace within a universe: 1 to 128 characters of ASCII letters, digits, {@code .}, {@code _}
 * and {@code -}, starting with a letter or digit, so it is safe as a file name and a URL path segment.
 */
public record WorkspaceId(String value) implements Comparable<WorkspaceId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** @throws IllegalArgumentException quoting {@code value} when it is not a valid workspace id */
  public WorkspaceId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid workspace id: \"" + value
          + "\" (expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit)");
    }
  }

  /** {@return the workspace id {@code value}} @throws IllegalArgumentException when it is not valid */
  public static WorkspaceId of(String value) {
    return new WorkspaceId(value);
  }

  /** {@return true when {@code value} is a valid workspace id} */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(WorkspaceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
