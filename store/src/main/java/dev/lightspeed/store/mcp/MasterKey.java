package dev.lightspeed.store.mcp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The key secrets at rest are sealed under: 32 bytes given as standard base64 in
 * {@value #VARIABLE} (make one with {@code openssl rand -base64 32}). Its {@link #id} (a short fingerprint) is
 * stored with each sealed value, so a value sealed under another key is reported as such rather than as damage.
 */
public final class MasterKey {
  public static final String VARIABLE = "LIGHTSPEED_SECRETS_MASTER_KEY";
  public static final int BYTES = 32;

  private final byte[] key;
  private final String id;

  private MasterKey(byte[] key) {
    this.key = key.clone();
    this.id = fingerprint(key);
  }

  /** {@return a key over {@code bytes}, which must be {@value #BYTES} long} */
  public static MasterKey of(byte[] bytes) {
    if (bytes.length != BYTES) throw new IllegalArgumentException("a master key is " + BYTES + " bytes, not " + bytes.length);
    return new MasterKey(bytes);
  }

  /**
   * {@return the key whose base64 text is {@code text}}
   *
   * @throws IllegalArgumentException saying how to make a usable key, when {@code text} is not base64 of 32 bytes
   */
  public static MasterKey parse(String text) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64; expected the base64 of " + BYTES + " random bytes, e.g. the output of `openssl rand -base64 32`");
    }
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("decodes to " + bytes.length + " bytes, not " + BYTES
          + "; expected the base64 of " + BYTES + " random bytes, e.g. the output of `openssl rand -base64 32`");
    }
    try {
      return new MasterKey(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * {@return the key set in {@code env}'s {@value #VARIABLE}, or empty when it is unset or blank}
   *
   * @throws IllegalArgumentException when it is set to something that is not a key
   */
  public static Optional<MasterKey> fromEnvironment(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) return Optional.empty();
    return Optional.of(parse(value));
  }

  /** {@return a short, non-secret fingerprint of the key (8 hex digits of its SHA-256)} */
  public String id() {
    return id;
  }

  byte[] bytes() {
    return key.clone();
  }

  private static String fingerprint(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("lightspeed master key id\0".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest(key), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[" + id + "]";
  }
}
