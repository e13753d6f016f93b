package dev.lightspeed.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VisibleOutputTest {
  @Test
  void textWithinTheCapIsUnchanged() {
    String text = "x".repeat(VisibleOutput.MAX_BYTES);

    assertThat(VisibleOutput.cap(text, "hint")).isSameAs(text);
  }

  @Test
  void longerTextIsCutAtALineBreakAndEndsWithANoteNamingTheHint() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 10_000; i++) text.append("line ").append(i).append('\n');

    String capped = VisibleOutput.cap(text.toString(), "narrow the pattern");

    assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(VisibleOutput.MAX_BYTES);
    assertThat(capped).startsWith("line 0\nline 1\n")
        .matches("(?s).*\nline \\d+\n\\[output truncated at 64 KiB: showing \\d+ of 98890 bytes; narrow the pattern]");
  }

  @Test
  void aSingleHugeLineIsCutWithoutSplittingACharacter() {
    String text = "é".repeat(100);

    String capped = VisibleOutput.cap(text, "h", 101);

    assertThat(capped).isEqualTo("é".repeat(22) + "\n[output truncated at 0 KiB: showing 44 of 200 bytes; h]");
    assertThat(capped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(101);
  }
}
