package dev.lightspeed.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UniverseIdTest {
  @Test
  void defaultUniverseIsNamedDefault() {
    assertThat(UniverseId.DEFAULT.value()).isEqualTo("default");
    assertThat(UniverseId.DEFAULT).isEqualTo(UniverseId.of("default"));
  }

  @Test
  void acceptsLowercaseLettersDigitsDotsUnderscoresAndDashes() {
    for (String valid : new String[] {"a", "0", "acme", "acme-prod", "team_7.eu", "9lives", "a".repeat(63)}) {
      assertThat(UniverseId.isValid(valid)).as(valid).isTrue();
      assertThat(UniverseId.of(valid).value()).isEqualTo(valid);
    }
  }

  @Test
  void rejectsAnythingElseQuotingTheInput() {
    for (String invalid : new String[] {"", "Acme", "-acme", ".acme", "_acme", "a/b", "a b", "é", "a".repeat(64), "../x"}) {
      assertThat(UniverseId.isValid(invalid)).as(invalid).isFalse();
      assertThatThrownBy(() -> UniverseId.of(invalid))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("invalid universe id: \"" + invalid
              + "\" (expected 1-63 of [a-z0-9._-], starting with a lowercase letter or digit)");
    }
  }

  @Test
  void nullIsRejected() {
    assertThat(UniverseId.isValid(null)).isFalse();
    assertThatThrownBy(() -> UniverseId.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void toStringIsTheValue() {
    assertThat(UniverseId.of("acme")).hasToString("acme");
  }

  @Test
  void idsCompareByValue() {
    assertThat(UniverseId.of("a").compareTo(UniverseId.of("b"))).isNegative();
    assertThat(UniverseId.of("b").compareTo(UniverseId.of("b"))).isZero();
  }
}
