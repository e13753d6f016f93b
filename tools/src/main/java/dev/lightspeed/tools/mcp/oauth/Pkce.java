package dev.lightspeed.tools.mcp.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PKCE pair (RFC 7636): the verifier stays with whoever exchanges the code, the challenge goes in the
 * authorization URL. Only the {@code S256} method is used.
 */
public record Pkce(String verifier, String challenge) {
  public static final String METHOD = "S256";
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  public Pkce {
    Objects.requireNonNull(verifier, "verifier");
    if (!VERIFIER.matcher(verifier).matches()) throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters");
    if (!challenge(verifier).equals(challenge)) throw new IllegalArgumentException("the challenge is not the S256 of the verifier");
  }

  /** {@return a fresh pair: a verifier of 32 random bytes (43 base64url characters) and its S256 challenge} */
  public static Pkce create(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String verifier = base64Url(bytes);
    return new Pkce(verifier, challenge(verifier));
  }

  /** {@return BASE64URL(SHA-256(ASCII(verifier))) without padding} */
  public static String challenge(String verifier) {
    try {
      return base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "Pkce[challenge=" + challenge + "]";
  }
}
