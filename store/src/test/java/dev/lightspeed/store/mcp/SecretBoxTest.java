package dev.lightspeed.store.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  static MasterKey randomKey() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return MasterKey.of(bytes);
  }

  final SecretBox box = new SecretBox(randomKey());

  @Test
  void aSealedSecretOpensUnderTheSameKeyAndContextAndHidesThePlaintext() {
    String sealed = box.seal("Bearer tok-123".getBytes(StandardCharsets.UTF_8), "default/docs");

    assertThat(sealed).startsWith("v1." + box.keyId() + ".").doesNotContain("tok-123");
    assertThat(new String(box.open(sealed, "default/docs"), StandardCharsets.UTF_8)).isEqualTo("Bearer tok-123");
    assertThat(box.seal("Bearer tok-123".getBytes(StandardCharsets.UTF_8), "default/docs")).isNotEqualTo(sealed);
  }

  @Test
  void anyChangedByteIsDetected() {
    String sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), "default/docs");
    String prefix = sealed.substring(0, sealed.lastIndexOf('.') + 1);
    byte[] data = Base64.getDecoder().decode(sealed.substring(prefix.length()));
    for (int i = 0; i < data.length; i++) {
      byte[] changed = data.clone();
      changed[i] ^= 0x01;
      String tampered = prefix + Base64.getEncoder().encodeToString(changed);
      assertThatThrownBy(() -> box.open(tampered, "default/docs"))
          .isInstanceOf(SecretUnreadableException.class)
          .hasMessage("the sealed secret was changed or belongs to another record (authentication failed)");
    }
    assertThatThrownBy(() -> box.open(sealed, "default/other")).isInstanceOf(SecretUnreadableException.class)
        .hasMessageContaining("authentication failed");
    assertThatThrownBy(() -> box.open(prefix + "AAAA", "default/docs")).hasMessage("the sealed secret is damaged (too short)");
  }

  @Test
  void aWrongKeyIsNamedWithBothFingerprints() {
    String sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), "c");
    SecretBox other = new SecretBox(randomKey());

    assertThatThrownBy(() -> other.open(sealed, "c")).isInstanceOf(SecretUnreadableException.class)
        .hasMessage("sealed under another master key (id " + box.keyId() + ", the configured key is " + other.keyId()
            + "); set LIGHTSPEED_SECRETS_MASTER_KEY to the key it was sealed with, or store the secret again");
    // the same key id but other key bytes (a forged id) still fails authentication
    String forged = "v1." + other.keyId() + sealed.substring(sealed.lastIndexOf('.'));
    assertThatThrownBy(() -> other.open(forged, "c")).hasMessageContaining("authentication failed");
  }

  @Test
  void theMasterKeyIsBase64Of32BytesAndUnsetMeansNone() {
    byte[] raw = new byte[32];
    raw[0] = 7;
    String text = Base64.getEncoder().encodeToString(raw);
    MasterKey key = MasterKey.parse(text);
    assertThat(MasterKey.fromEnvironment(Map.of(MasterKey.VARIABLE, " " + text + "\n"))).get().extracting(MasterKey::id).isEqualTo(key.id());
    assertThat(MasterKey.fromEnvironment(Map.of())).isEmpty();
    assertThat(key.toString()).isEqualTo("MasterKey[" + key.id() + "]").doesNotContain(text);
    assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessage("decodes to 16 bytes, not 32; expected the base64 of 32 random bytes, e.g. the output of `openssl rand -base64 32`");
    assertThatThrownBy(() -> MasterKey.parse("not base64!")).hasMessageStartingWith("not base64;");
  }
}
