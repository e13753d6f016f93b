package dev.lightspeed.tools.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobPatternTest {
  private static boolean m(String glob, String path) {
    return GlobPattern.compile(glob).matches(path);
  }

  @Test
  void starDoesNotCrossSlashesAndDoubleStarDoes() {
    assertThat(m("*.py", "a.py")).isTrue();
    assertThat(m("*.py", "src/a.py")).isFalse();
    assertThat(m("**/*.py", "a.py")).isTrue();
    assertThat(m("**/*.py", "src/deep/a.py")).isTrue();
    assertThat(m("src/**", "src/a/b")).isTrue();
    assertThat(m("src/**/test/*.java", "src/test/A.java")).isTrue();
    assertThat(m("src/**/test/*.java", "src/x/y/test/A.java")).isTrue();
    assertThat(m("src/*/test", "src/x/y/test")).isFalse();
  }

  @Test
  void questionMarksSetsBracesAndEscapes() {
    assertThat(m("?.txt", "a.txt")).isTrue();
    assertThat(m("?.txt", "/.txt")).isFalse();
    assertThat(m("[abc].md", "b.md")).isTrue();
    assertThat(m("[!abc].md", "d.md")).isTrue();
    assertThat(m("[!abc].md", "a.md")).isFalse();
    assertThat(m("[a-c]x", "bx")).isTrue();
    assertThat(m("*.{ts,tsx}", "a.tsx")).isTrue();
    assertThat(m("*.{ts,tsx}", "a.js")).isFalse();
    assertThat(m("a\\*b", "a*b")).isTrue();
    assertThat(m("a\\*b", "axb")).isFalse();
    assertThat(m("a+b(c).txt", "a+b(c).txt")).isTrue();
    assertThat(m(".*", ".gitignore")).isTrue();
  }

  @Test
  void theLiteralPrefixIsWhereAWalkCanStart() {
    assertThat(GlobPattern.literalPrefix("src/main/**/*.java")).containsExactly("src", "main");
    assertThat(GlobPattern.literalPrefix("*.py")).isEmpty();
    assertThat(GlobPattern.literalPrefix("docs/README.md")).containsExactly("docs");
    assertThat(GlobPattern.literalPrefix("a/{b,c}/d")).containsExactly("a");
  }

  @Test
  void nameOnlyGlobsHaveNoSlash() {
    assertThat(GlobPattern.compile("*.py").isNameOnly()).isTrue();
    assertThat(GlobPattern.compile("src/*.py").isNameOnly()).isFalse();
  }

  @Test
  void unclosedBracketsAndBracesAreErrors() {
    assertThatThrownBy(() -> GlobPattern.compile("[ab")).hasMessage("unclosed [ in glob \"[ab\"");
    assertThatThrownBy(() -> GlobPattern.compile("{a,b")).hasMessage("unclosed { in glob \"{a,b\"");
  }
}
