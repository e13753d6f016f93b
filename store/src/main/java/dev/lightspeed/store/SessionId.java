package dev.lightspeed.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of one session within a universe: 1 to 128 characters of ASCII letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit. The alphabet keeps ids safe as file names and
 * URL path segments; ids are case-sensitive (a file-system store on a case-insensitive volume cannot hold two
 * ids differing only in case).
 */
public record SessionId(String value) implements Comparable<SessionId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** @throws IllegalArgumentException quoting {@code value} when it is not a valid session id */
  public SessionId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid session id: \"" + value
          + "\" (expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit)");
    }
  }

  /** {@return the session id {@code value}} @throws IllegalArgumentException when it is not valid */
  public static SessionId of(String value) {
    return new SessionId(value);
  }

  /** {@return true when {@code value} is a valid session id} */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(SessionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
