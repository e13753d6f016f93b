package dev.lightspeed.engine.cas;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a blob in content-addressed storage: {@code sha256:} followed by the 64 lowercase hex
 * digits of the SHA-256 of the blob's exact bytes. Two blobs with the same ref are the same bytes, which is
 * why refs can cross process and workflow boundaries in place of the content.
 */
public final class BlobRef implements Comparable<BlobRef> {
  public static final String PREFIX = "sha256:";
  private static final HexFormat HEX = HexFormat.of();

  private final String value;

  private BlobRef(String value) {
    this.value = value;
  }

  /** {@return the ref of these bytes} */
  public static BlobRef sha256(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    return new BlobRef(PREFIX + HEX.formatHex(digest(bytes)));
  }

  /**
   * Parses {@code sha256:<64 lowercase hex>}.
   *
   * @throws IllegalArgumentException quoting the input when it is not exactly that form
   */
  public static BlobRef parse(String text) {
    if (!isValid(text)) throw new IllegalArgumentException("invalid blob ref: \"" + text + "\" (expected sha256:<64 lowercase hex>)");
    return new BlobRef(text);
  }

  /** {@return the parsed ref, or null when {@code text} is not a valid ref} */
  public static BlobRef parseOrNull(String text) {
    return isValid(text) ? new BlobRef(text) : null;
  }

  public static boolean isValid(String text) {
    if (text == null || text.length() != PREFIX.length() + 64 || !text.startsWith(PREFIX)) return false;
    for (int i = PREFIX.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
  }

  /** {@return the 64 hex digits without the prefix} */
  public String hex() {
    return value.substring(PREFIX.length());
  }

  /** {@return true when these bytes hash to this ref} */
  public boolean matches(byte[] bytes) {
    return MessageDigest.isEqual(digest(bytes), HEX.parseHex(hex()));
  }

  private static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  @Override
  public int compareTo(BlobRef other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlobRef other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
