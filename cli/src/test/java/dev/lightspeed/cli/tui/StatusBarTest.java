package dev.lightspeed.cli.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class StatusBarTest {
  @Test
  void theSessionLineShowsModelSessionTokensContextAndRuns() {
    ChatState.Snapshot state = new ChatState.Snapshot("3f2a91c0-aaaa-bbbb-cccc-000000000000", "claude-sonnet-4-5", "high", "2", 1, 12_345,
        true, 50_000, "", "partial li");
    List<AttributedString> lines = StatusBar.lines(state, 200);
    assertThat(lines.get(0).toString()).isEqualTo("partial li▍");
    assertThat(lines.get(1).toString())
        .isEqualTo(" claude-sonnet-4-5 · high · session 3f2a91c0… · ~12.3k tokens · ctx 25% · ● run 2 · 1 queued ");
  }

  @Test
  void anUnknownModelShowsTheContextSizeAndLinesAreCutToTheWidth() {
    ChatState.Snapshot state = new ChatState.Snapshot("s1", "llama3", null, null, 0, 950, false, 1_200_000, "→ read_file x", "");
    List<AttributedString> lines = StatusBar.lines(state, 30);
    assertThat(lines.get(0).toString()).isEqualTo("→ read_file x");
    assertThat(StatusBar.sessionLine(state).toString()).isEqualTo(" llama3 · session s1 · 950 tokens · ctx 1.2M ");
    assertThat(lines.get(1).columnLength()).isLessThanOrEqualTo(30);
  }
}
