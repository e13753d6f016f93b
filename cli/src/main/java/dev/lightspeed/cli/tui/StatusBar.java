package dev.lightspeed.cli.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The two lines at the bottom of the chat: what the run is doing now (the answer line being written, a tool
 * running, thinking), and the session line: model, effort, session id, tokens used, context fill, run state.
 */
final class StatusBar {
  private StatusBar() {}

  /** {@return the status lines for {@code state}, cut to {@code width} columns} */
  static List<AttributedString> lines(ChatState.Snapshot state, int width) {
    List<AttributedString> lines = new ArrayList<>();
    String live = !state.partialLine().isEmpty() ? state.partialLine() + "▍" : state.activity();
    lines.add(cut(new AttributedString(live.isEmpty() ? " " : live, MarkdownRenderer.DIM), width));
    lines.add(cut(sessionLine(state), width));
    return lines;
  }

  static AttributedString sessionLine(ChatState.Snapshot state) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    AttributedStyle style = AttributedStyle.DEFAULT.inverse();
    line.append(" " + (state.model() == null ? "default model" : state.model()), style.bold());
    if (state.effort() != null) line.append(" · " + state.effort(), style);
    line.append(" · session " + shortId(state.sessionId()), style);
    line.append(" · " + (state.estimated() ? "~" : "") + tokens(state.tokensUsed()) + " tokens", style);
    OptionalLong window = ContextWindow.of(state.model());
    if (window.isPresent()) {
      line.append(" · ctx " + Math.min(100, Math.round(100.0 * state.contextTokens() / window.getAsLong())) + "%", style);
    } else {
      line.append(" · ctx " + tokens(state.contextTokens()), style);
    }
    if (state.activeRun() != null) line.append(" · ● run " + state.activeRun(), style);
    if (state.queued() > 0) line.append(" · " + state.queued() + " queued", style);
    line.append(" ", style);
    return line.toAttributedString();
  }

  /** {@return the first 8 characters of a long id: enough to tell sessions apart on a status line} */
  static String shortId(String id) {
    return id == null || id.length() <= 12 ? String.valueOf(id) : id.substring(0, 8) + "…";
  }

  /** {@return {@code n} tokens as 950, 12.3k, 1.2M} */
  static String tokens(long n) {
    if (n < 1_000) return Long.toString(n);
    if (n < 1_000_000) return String.format("%.1fk", n / 1_000.0);
    return String.format("%.1fM", n / 1_000_000.0);
  }

  private static AttributedString cut(AttributedString line, int width) {
    return line.columnLength() <= width ? line : line.columnSubSequence(0, Math.max(1, width - 1));
  }
}
