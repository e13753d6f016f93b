package dev.lightspeed.store.mcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets with AES-256-GCM under a {@link MasterKey}, so what a store keeps is useless without the key and
 * any change to it is detected. A sealed value is text, {@code v1.<key id>.<base64(nonce ‖ ciphertext ‖ tag)>},
 * with a fresh 96-bit nonce per seal; the caller's {@code context} (e.g. the universe and server id) is bound
 * in as associated data, so a value copied to another record does not open there. Safe for concurrent use.
 */
public final class SecretBox {
  private static final String VERSION = "v1";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final MasterKey key;
  private final SecureRandom random;

  public SecretBox(MasterKey key) {
    this(key, new SecureRandom());
  }

  SecretBox(MasterKey key, SecureRandom random) {
    this.key = Objects.requireNonNull(key, "key");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** {@return {@code plaintext} sealed for {@code context}} */
  public String seal(byte[] plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
      byte[] sealed = cipher.doFinal(plaintext);
      byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return VERSION + "." + key.id() + "." + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  /**
   * {@return the plaintext of {@code sealed}, which must have been sealed for {@code context}}
   *
   * @throws SecretUnreadableException when it was sealed under another key, for another context, or changed
   */
  public byte[] open(String sealed, String context) {
    String[] parts = sealed.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) throw new SecretUnreadableException("not a sealed secret (expected " + VERSION + ".<key id>.<data>)");
    if (!parts[1].equals(key.id())) {
      throw new SecretUnreadableException("sealed under another master key (id " + parts[1] + ", the configured key is " + key.id()
          + "); set " + MasterKey.VARIABLE + " to the key it was sealed with, or store the secret again");
    }
    byte[] data;
    try {
      data = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new SecretUnreadableException("the sealed secret is damaged (not base64)");
    }
    if (data.length < NONCE_BYTES + TAG_BITS / 8) throw new SecretUnreadableException("the sealed secret is damaged (too short)");
    try {
      byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
      return cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new SecretUnreadableException("the sealed secret was changed or belongs to another record (authentication failed)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    byte[] raw = key.bytes();
    try {
      cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** {@return the id of the key this box seals under} */
  public String keyId() {
    return key.id();
  }
}
