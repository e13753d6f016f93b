package dev.lightspeed.tools.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.tools.patch.Patch.Hunk;
import org.junit.jupiter.api.Test;

class PatchedTextTest {
  private static String apply(String text, String update) throws PatchException {
    Patch patch = PatchParser.parse("*** Begin Patch\n*** Update File: f\n" + update + "*** End Patch");
    return PatchedText.apply(text, ((Hunk.UpdateFile) patch.hunks().get(0)).chunks(), "/f");
  }

  @Test
  void chunksApplyInOrderAndTheResultEndsWithANewline() throws PatchException {
    assertThat(apply("a\nb\nc\nd\ne", "@@\n-b\n+B\n@@\n-d\n+D\n")).isEqualTo("a\nB\nc\nD\ne\n");
  }

  @Test
  void aHeaderLineIsFoundFirstSoRepeatedContextIsPlacedAfterIt() throws PatchException {
    String text = "def a():\n    return 1\ndef b():\n    return 1\n";

    assertThat(apply(text, "@@ def b():\n-    return 1\n+    return 2\n")).isEqualTo("def a():\n    return 1\ndef b():\n    return 2\n");
  }

  @Test
  void aPureAdditionGoesAfterItsHeaderOrAtTheEnd() throws PatchException {
    assertThat(apply("x\ny\n", "@@\n+z\n")).isEqualTo("x\ny\nz\n");
    assertThat(apply("x\ny\n", "@@ x\n+after x\n")).isEqualTo("x\nafter x\ny\n");
  }

  @Test
  void endOfFileAnchorsAtTheLastLines() throws PatchException {
    assertThat(apply("end\nmiddle\nend\n", "@@\n-end\n+END\n*** End of File\n")).isEqualTo("end\nmiddle\nEND\n");
  }

  @Test
  void fuzzyMatchesKeepTheFilesOwnContextLines() throws PatchException {
    String text = "  keep me  \n\u201cquoted\u201d \u2014 dash\u00a0space\n";

    assertThat(apply(text, "@@\n keep me\n-\"quoted\" - dash space\n+plain\n")).isEqualTo("  keep me  \nplain\n");
  }

  @Test
  void crlfFilesStayCrlf() throws PatchException {
    assertThat(apply("a\r\nb\r\n", "@@\n-a\n+A\n")).isEqualTo("A\r\nb\r\n");
  }

  @Test
  void aTrailingEmptyContextLineIsForgivenWhenTheFileEndsThere() throws PatchException {
    assertThat(apply("a\nb\n", "@@\n-b\n+B\n \n")).isEqualTo("a\nB\n");
  }

  @Test
  void linesThatAreNotThereAreAnError() {
    assertThatThrownBy(() -> apply("a\n", "@@\n-zzz\n+y\n"))
        .isInstanceOf(PatchException.class)
        .hasMessage("could not find the lines to change in /f; read the file again and copy them exactly:\nzzz");
    assertThatThrownBy(() -> apply("a\n", "@@ missing header\n-a\n+b\n"))
        .hasMessage("could not find the line 'missing header' (after @@) in /f");
  }
}
