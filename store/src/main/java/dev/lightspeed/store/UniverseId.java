package dev.lightspeed.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant every stored key is scoped by. A universe sees only its own sessions and blobs; single-tenant
 * deployments use {@link #DEFAULT}. The value is 1 to 63 characters of lowercase letters, digits, {@code .},
 * {@code _} and {@code -}, starting with a letter or digit, so it is safe as a path segment, an S3 key prefix
 * and a SQL value alike.
 */
public record UniverseId(String value) implements Comparable<UniverseId> {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  /** The universe of single-tenant deployments. */
  public static final UniverseId DEFAULT = new UniverseId("default");

  /** @throws IllegalArgumentException quoting {@code value} when it is not a valid universe id */
  public UniverseId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException("invalid universe id: \"" + value
          + "\" (expected 1-63 of [a-z0-9._-], starting with a lowercase letter or digit)");
    }
  }

  /** {@return the universe id {@code value}} @throws IllegalArgumentException when it is not valid */
  public static UniverseId of(String value) {
    return new UniverseId(value);
  }

  /** {@return true when {@code value} is a valid universe id} */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  @Override
  public int compareTo(UniverseId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
