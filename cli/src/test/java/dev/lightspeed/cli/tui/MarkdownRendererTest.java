package dev.lightspeed.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void headingsLoseTheirHashesAndTurnBold() {
    AttributedString line = markdown.line("## Plan");
    assertThat(line.toString()).isEqualTo("Plan");
    assertThat(line.styleAt(0)).isEqualTo(AttributedStyle.BOLD);
  }

  @Test
  void inlineMarkupIsRenderedAndItsMarkersDropped() {
    AttributedString line = markdown.line("run **all** the *tests* with `mvn verify`, see [docs](http://x)");
    assertThat(line.toString()).isEqualTo("run all the tests with mvn verify, see docs (http://x)");
    assertThat(line.styleAt(4)).isEqualTo(AttributedStyle.DEFAULT.bold());
    assertThat(line.styleAt(12)).isEqualTo(AttributedStyle.DEFAULT.italic());
    assertThat(line.styleAt(23)).isEqualTo(MarkdownRenderer.CODE);
  }

  @Test
  void listItemsGetBulletsAndKeepTheirIndent() {
    assertThat(markdown.line("- first").toString()).isEqualTo("• first");
    assertThat(markdown.line("  * nested").toString()).isEqualTo("  • nested");
    assertThat(markdown.line("1. numbered").toString()).isEqualTo("1. numbered");
  }

  @Test
  void fencedCodeIsShownAsIsUntilTheFenceCloses() {
    assertThat(markdown.line("```java").toString()).isEqualTo("  java");
    AttributedString code = markdown.line("int **x** = 1;");
    assertThat(code.toString()).isEqualTo("  int **x** = 1;");
    assertThat(code.styleAt(2)).isEqualTo(MarkdownRenderer.CODE);
    assertThat(markdown.line("```").toString()).isEmpty();
    assertThat(markdown.line("**bold** again").toString()).isEqualTo("bold again");
  }

  @Test
  void resetForgetsAnUnclosedFence() {
    markdown.line("```");
    markdown.reset();
    assertThat(markdown.line("**x**").toString()).isEqualTo("x");
  }

  @Test
  void unmatchedMarkersStayAsTyped() {
    assertThat(markdown.line("2 * 3 = 6 and a_b_c and `open").toString()).isEqualTo("2 * 3 = 6 and a_b_c and `open");
  }
}
