package dev.lightspeed.tools.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineMatcherTest {
  @Test
  void anExactMatchWinsOverAnEarlierFuzzyOne() {
    List<String> lines = List.of("x  ", "x", "y");

    assertThat(LineMatcher.find(lines, List.of("x"), 0, false)).isEqualTo(1);
  }

  @Test
  void passesRelaxTrailingThenSurroundingWhitespaceThenPunctuation() {
    assertThat(LineMatcher.find(List.of("a", "b  "), List.of("b"), 0, false)).isEqualTo(1);
    assertThat(LineMatcher.find(List.of("a", "   b"), List.of("b"), 0, false)).isEqualTo(1);
    assertThat(LineMatcher.find(List.of("it\u2019s \u2013 \u201cok\u201d\u2026"), List.of("it's - \"ok\"..."), 0, false)).isZero();
    assertThat(LineMatcher.find(List.of("a"), List.of("b"), 0, false)).isEqualTo(-1);
  }

  @Test
  void searchingStartsAtFromAndCanPreferTheEnd() {
    List<String> lines = List.of("x", "y", "x", "y");

    assertThat(LineMatcher.find(lines, List.of("x", "y"), 1, false)).isEqualTo(2);
    assertThat(LineMatcher.find(lines, List.of("x", "y"), 0, true)).isEqualTo(2);
    assertThat(LineMatcher.find(lines, List.of("x", "y", "x", "y", "x"), 0, false)).isEqualTo(-1);
  }

  @Test
  void normalizationMapsTypographicCharactersToAscii() {
    assertThat(LineMatcher.normalizePunctuation("\u2018a\u2019 \u201cb\u201d c\u2014d\u00a0e\u2026")).isEqualTo("'a' \"b\" c-d e...");
    assertThat(LineMatcher.normalizePunctuation("plain")).isSameAs("plain");
  }
}
