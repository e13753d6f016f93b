package dev.lightspeed.store.profile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a profile within a universe: 1 to 128 characters of ASCII letters, digits, {@code .}, {@code _}
 * and {@code -}, starting with a letter or digit, so it is safe as a file name and a URL path segment.
 */
public record ProfileId(String value) implements Comparable<ProfileId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** @throws IllegalArgumentException quoting {@code value} when it is not a valid profile id */
  public ProfileId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid profile id: \"" + value
          + "\" (expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit)");
    }
  }

  /** {@return the profile id {@code value}} @throws IllegalArgumentException when it is not valid */
  public static ProfileId of(String value) {
    return new ProfileId(value);
  }

  /** {@return true when {@code value} is a valid profile id} */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(ProfileId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
