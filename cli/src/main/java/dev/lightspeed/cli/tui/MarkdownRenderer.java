package dev.lightspeed.cli.tui;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Renders markdown for a terminal one line at a time, as answers stream: headings bold, list bullets,
 * block quotes with a bar, fenced code dimmed in a colour of its own, and inline {@code **bold**},
 * {@code *italic*}, {@code `code`} and {@code [links](url)}. It keeps only the state a line needs (inside a
 * code fence or not), so it never waits for more text. Not thread-safe.
 */
final class MarkdownRenderer {
  static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
  private static final int RULE = 40;

  private boolean inFence;

  /** {@return {@code line} (without its newline) rendered} */
  AttributedString line(String line) {
    String trimmed = line.stripLeading();
    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
      inFence = !inFence;
      String language = trimmed.substring(3).strip();
      return inFence && !language.isEmpty() ? new AttributedString("  " + language, DIM) : AttributedString.EMPTY;
    }
    if (inFence) return new AttributedString("  " + line, CODE);
    AttributedStringBuilder out = new AttributedStringBuilder();
    int indent = line.length() - trimmed.length();
    if (trimmed.matches("(-{3,}|\\*{3,}|_{3,})")) return new AttributedString("─".repeat(RULE), DIM);
    int level = headingLevel(trimmed);
    if (level > 0) {
      AttributedStyle style = AttributedStyle.BOLD;
      if (level == 1) style = style.underline();
      inline(out, trimmed.substring(level + 1).strip(), style);
      return out.toAttributedString();
    }
    out.append(" ".repeat(indent));
    if (trimmed.startsWith("> ") || trimmed.equals(">")) {
      out.append("│ ", DIM);
      inline(out, trimmed.substring(1).strip(), AttributedStyle.DEFAULT.italic());
    } else if (trimmed.startsWith("- ") || trimmed.startsWith("* ") || trimmed.startsWith("+ ")) {
      out.append("• ");
      inline(out, trimmed.substring(2), AttributedStyle.DEFAULT);
    } else {
      inline(out, trimmed, AttributedStyle.DEFAULT);
    }
    return out.toAttributedString();
  }

  /** Forgets an unclosed code fence, so the next answer starts clean. */
  void reset() {
    inFence = false;
  }

  private static int headingLevel(String line) {
    int level = 0;
    while (level < line.length() && level < 6 && line.charAt(level) == '#') level++;
    return level > 0 && level < line.length() && line.charAt(level) == ' ' ? level : 0;
  }

  /** Appends {@code text} with its inline markup applied over {@code base}. */
  static void inline(AttributedStringBuilder out, String text, AttributedStyle base) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int end = text.indexOf('`', i + 1);
        if (end > i) {
          out.append(text.substring(i + 1, end), CODE);
          i = end + 1;
          continue;
        }
      } else if (text.startsWith("**", i) || text.startsWith("__", i)) {
        int end = text.indexOf(text.substring(i, i + 2), i + 2);
        if (end > i + 2) {
          inline(out, text.substring(i + 2, end), base.bold());
          i = end + 2;
          continue;
        }
      } else if ((c == '*' || c == '_') && i + 1 < text.length() && text.charAt(i + 1) != ' ' && wordStart(text, i)) {
        int end = text.indexOf(c, i + 1);
        if (end > i + 1 && text.charAt(end - 1) != ' ') {
          inline(out, text.substring(i + 1, end), base.italic());
          i = end + 1;
          continue;
        }
      } else if (c == '[') {
        int close = text.indexOf("](", i);
        int end = close < 0 ? -1 : text.indexOf(')', close);
        if (close > i && end > close) {
          inline(out, text.substring(i + 1, close), base.underline());
          out.append(" (" + text.substring(close + 2, end) + ")", DIM);
          i = end + 1;
          continue;
        }
      }
      out.append(String.valueOf(c), base);
      i++;
    }
  }

  private static boolean wordStart(String text, int i) {
    return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
  }
}
