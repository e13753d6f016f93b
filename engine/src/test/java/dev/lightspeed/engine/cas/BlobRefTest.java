package dev.lightspeed.engine.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlobRefTest {
  private static final String EMPTY_SHA256 = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String ABC_SHA256 = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void sha256OfNoBytesIsTheWellKnownEmptyDigest() {
    assertThat(BlobRef.sha256(new byte[0]).toString()).isEqualTo(EMPTY_SHA256);
  }

  @Test
  void sha256OfAbcIsTheStandardTestVector() {
    BlobRef ref = BlobRef.sha256("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(ref.toString()).isEqualTo(ABC_SHA256);
    assertThat(ref.hex()).isEqualTo(ABC_SHA256.substring("sha256:".length())).hasSize(64);
  }

  @Test
  void parseAcceptsPrefixAndSixtyFourLowercaseHexDigits() {
    BlobRef parsed = BlobRef.parse(EMPTY_SHA256);
    assertThat(parsed.toString()).isEqualTo(EMPTY_SHA256);
    assertThat(parsed).isEqualTo(BlobRef.sha256(new byte[0]));
    assertThat(parsed.hashCode()).isEqualTo(BlobRef.sha256(new byte[0]).hashCode());
    assertThat(BlobRef.isValid(EMPTY_SHA256)).isTrue();
    assertThat(BlobRef.parseOrNull(EMPTY_SHA256)).isEqualTo(parsed);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
      "SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "sha1:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      " sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "sha256:",
      ""})
  void parseRejectsAnythingElseQuotingTheInput(String text) {
    assertThatThrownBy(() -> BlobRef.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
    assertThat(BlobRef.isValid(text)).isFalse();
    assertThat(BlobRef.parseOrNull(text)).isNull();
  }

  @Test
  void uppercaseHexIsRejectedWithTheFullMessage() {
    String upper = "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";
    assertThatThrownBy(() -> BlobRef.parse(upper))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid blob ref: \"" + upper + "\" (expected sha256:<64 lowercase hex>)");
  }

  @Test
  void nullIsNotAValidRef() {
    assertThat(BlobRef.isValid(null)).isFalse();
    assertThat(BlobRef.parseOrNull(null)).isNull();
    assertThatThrownBy(() -> BlobRef.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesIsTrueOnlyForTheHashedBytes() {
    byte[] bytes = "hello, blob".getBytes(StandardCharsets.UTF_8);
    BlobRef ref = BlobRef.sha256(bytes);
    assertThat(ref.matches(bytes)).isTrue();
    assertThat(BlobRef.parse(ref.toString()).matches(bytes)).isTrue();
    assertThat(ref.matches("hello, blob!".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(ref.matches(new byte[0])).isFalse();
    assertThat(BlobRef.parse(EMPTY_SHA256).matches(new byte[0])).isTrue();
  }

  @Test
  void differentBytesGiveDifferentRefs() {
    BlobRef a = BlobRef.sha256(new byte[] {1});
    BlobRef b = BlobRef.sha256(new byte[] {2});
    assertThat(a).isNotEqualTo(b);
    assertThat(a.compareTo(b)).isEqualTo(a.toString().compareTo(b.toString())).isNotZero();
    assertThat(a.compareTo(BlobRef.parse(a.toString()))).isZero();
  }
}
