package dev.lightspeed.cli.mount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class IgnoreFileTest {
  @Test
  void aNameWithoutSlashMatchesAtAnyDepth() {
    IgnoreFile file = IgnoreFile.parse("", "*.log\n");
    assertThat(file.match("a.log", false)).contains(true);
    assertThat(file.match("deep/er/b.log", false)).contains(true);
    assertThat(file.match("a.log.txt", false)).isEmpty();
  }

  @Test
  void aLeadingOrMiddleSlashAnchorsThePatternToItsDirectory() {
    IgnoreFile file = IgnoreFile.parse("", "/build\ndocs/*.html\n");
    assertThat(file.match("build", true)).contains(true);
    assertThat(file.match("src/build", true)).isEmpty();
    assertThat(file.match("docs/index.html", false)).contains(true);
    assertThat(file.match("docs/api/index.html", false)).isEmpty();
    assertThat(file.match("other/docs/index.html", false)).isEmpty();
  }

  @Test
  void aTrailingSlashMatchesDirectoriesOnly() {
    IgnoreFile file = IgnoreFile.parse("", "out/\n");
    assertThat(file.match("out", true)).contains(true);
    assertThat(file.match("out", false)).isEmpty();
    assertThat(file.match("sub/out", true)).contains(true);
  }

  @Test
  void negationReincludesAndTheLastMatchingPatternWins() {
    IgnoreFile file = IgnoreFile.parse("", "*.txt\n!keep.txt\n");
    assertThat(file.match("drop.txt", false)).contains(true);
    assertThat(file.match("keep.txt", false)).contains(false);
    assertThat(IgnoreFile.parse("", "!keep.txt\n*.txt\n").match("keep.txt", false)).contains(true);
  }

  @Test
  void doubleStarMatchesAcrossDirectories() {
    IgnoreFile file = IgnoreFile.parse("", "**/cache\nlogs/**\na/**/z.txt\n");
    assertThat(file.match("cache", true)).contains(true);
    assertThat(file.match("x/y/cache", true)).contains(true);
    assertThat(file.match("logs/1/2.log", false)).contains(true);
    assertThat(file.match("logs", true)).isEmpty();
    assertThat(file.match("a/z.txt", false)).contains(true);
    assertThat(file.match("a/b/c/z.txt", false)).contains(true);
    assertThat(file.match("b/a/z.txt", false)).isEmpty();
  }

  @Test
  void starAndQuestionMarkAndClassesNeverCrossASlash() {
    IgnoreFile file = IgnoreFile.parse("", "src/*.c\nv?.md\n[ab]x\n[!0-9]y\n");
    assertThat(file.match("src/main.c", false)).contains(true);
    assertThat(file.match("src/sub/main.c", false)).isEmpty();
    assertThat(file.match("v1.md", false)).contains(true);
    assertThat(file.match("v10.md", false)).isEmpty();
    assertThat(file.match("ax", false)).contains(true);
    assertThat(file.match("cx", false)).isEmpty();
    assertThat(file.match("ky", false)).contains(true);
    assertThat(file.match("7y", false)).isEmpty();
  }

  @Test
  void commentsBlankLinesAndEscapesAreGitLike() {
    IgnoreFile file = IgnoreFile.parse("", "# a comment\n\n\\#hash\n\\!bang\ntrailing   \n");
    assertThat(file.match("# a comment", false)).isEmpty();
    assertThat(file.match("#hash", false)).contains(true);
    assertThat(file.match("!bang", false)).contains(true);
    assertThat(file.match("trailing", false)).contains(true);
  }

  @Test
  void aNestedFileAppliesOnlyBelowItsDirectory() {
    IgnoreFile file = IgnoreFile.parse("web", "/dist\n*.map\n");
    assertThat(file.match("web/dist", true)).contains(true);
    assertThat(file.match("dist", true)).isEmpty();
    assertThat(file.match("web/js/app.js.map", false)).contains(true);
    assertThat(file.match("app.js.map", false)).isEqualTo(Optional.empty());
  }

  @Test
  void aDeeperFileOverridesAShallowerOne() {
    IgnoreRules rules = IgnoreRules.NONE.with(IgnoreFile.parse("", "*.gen\n")).with(IgnoreFile.parse("keep", "!*.gen\n"));
    assertThat(rules.ignored("a.gen", false)).isTrue();
    assertThat(rules.ignored("keep/b.gen", false)).isFalse();
    assertThat(rules.ignored("keep/b.txt", false)).isFalse();
  }
}
