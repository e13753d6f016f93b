package dev.lightspeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SessionIdTest {
  @Test
  void acceptsLettersDigitsDotsUnderscoresAndDashes() {
    for (String valid : new String[] {"a", "Z", "7", "sess_01HX", "chat-2024.06.01", "A.b_C-d", "x" + "y".repeat(127)}) {
      assertThat(SessionId.isValid(valid)).as(valid).isTrue();
      assertThat(SessionId.of(valid).value()).isEqualTo(valid);
    }
  }

  @Test
  void rejectsAnythingElseQuotingTheInput() {
    for (String invalid : new String[] {"", "a/b", "..", ".hidden", "-flag", "_x", "a b", "naïve", "a\nb", "x".repeat(129)}) {
      assertThat(SessionId.isValid(invalid)).as(invalid).isFalse();
      assertThatThrownBy(() -> SessionId.of(invalid))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid session id: \"" + invalid
              + "\" (expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit)");
    }
  }

  @Test
  void messageForASlashIsExact() {
    assertThatThrownBy(() -> new SessionId("a/b"))
        .hasMessage("invalid session id: \"a/b\" (expected 1-128 of [A-Za-z0-9._-], starting with a letter or digit)");
  }

  @Test
  void nullIsRejected() {
    assertThat(SessionId.isValid(null)).isFalse();
    assertThatThrownBy(() -> SessionId.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void idsAreCaseSensitive() {
    assertThat(SessionId.of("abc")).isNotEqualTo(SessionId.of("ABC"));
  }

  @Test
  void toStringIsTheValue() {
    assertThat(SessionId.of("s-1")).hasToString("s-1");
  }

  @Test
  void idsCompareByValueUppercaseFirst() {
    assertThat(SessionId.of("B").compareTo(SessionId.of("a"))).isNegative();
    assertThat(SessionId.of("s-10").compareTo(SessionId.of("s-2"))).isNegative();
  }
}
