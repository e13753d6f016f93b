package dev.lightspeed.tools.file;

import dev.lightspeed.tools.search.RequiredLiteral;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a text that a regex matches, each line matched on its own. When the regex has a {@link RequiredLiteral}, candidate
 * lines are found with {@link String#indexOf(String)} and the regex runs on those lines only (not at all
 * when the regex is that literal); otherwise the regex runs over the whole text in multi-line mode to jump to
 * the next line that may match, and that line is checked on its own. Either way a file without matches costs
 * one pass. Safe to share between threads: each call makes its own matcher.
 */
final class LineFinder {
  /** Receives matching lines; {@return false to stop} */
  interface Sink {
    boolean line(int number, int start, int end);
  }

  /** Matches one line on its own: {@code ^} and {@code $} at the line's ends. */
  private final Pattern line;
  /** The same regex in multi-line mode, run over a whole text to find the next line worth checking. */
  private final Pattern scan;
  private final Optional<RequiredLiteral> literal;

  private LineFinder(Pattern line, Optional<RequiredLiteral> literal) {
    this.line = line;
    this.scan = Pattern.compile(line.pattern(), line.flags() | Pattern.MULTILINE);
    this.literal = literal;
  }

  /**
   * {@return a finder for {@code line}, a regex compiled for single lines (not {@link Pattern#MULTILINE}),
   * which {@code ignoreCase} says was compiled case-insensitively}
   */
  static LineFinder of(Pattern line, boolean ignoreCase) {
    if ((line.flags() & Pattern.MULTILINE) != 0) throw new IllegalArgumentException("a line regex is not multi-line");
    return new LineFinder(line, ignoreCase ? Optional.empty() : RequiredLiteral.of(line.pattern()));
  }

  /** Calls {@code sink} for each matching line of {@code text} (content without its line break), in order. */
  void find(String text, Sink sink) {
    if (text.isEmpty()) return;
    Matcher matcher = line.matcher(text);
    Lines lines = new Lines(text);
    if (literal.isPresent()) {
      findByLiteral(text, matcher, literal.get(), lines, sink);
    } else {
      findByRegex(text, scan.matcher(text), matcher, lines, sink);
    }
  }

  private static void findByLiteral(String text, Matcher matcher, RequiredLiteral literal, Lines lines, Sink sink) {
    String needle = literal.text();
    int from = 0;
    while (from < text.length()) {
      int hit = text.indexOf(needle, from);
      if (hit < 0) return;
      int start = Math.max(from, text.lastIndexOf('\n', hit) + 1);
      int end = lines.end(hit);
      int contentEnd = lines.contentEnd(start, end);
      if (literal.wholePattern() || matcher.region(start, contentEnd).find()) {
        if (!sink.line(lines.number(start), start, contentEnd)) return;
      }
      from = end + 1;
    }
  }

  private static void findByRegex(String text, Matcher scanner, Matcher matcher, Lines lines, Sink sink) {
    int from = 0;
    while (from <= text.length() && scanner.find(from)) {
      int start = Math.max(from, text.lastIndexOf('\n', scanner.start() - 1) + 1);
      if (start == text.length() && start > 0) return;
      int end = lines.end(start);
      int contentEnd = lines.contentEnd(start, end);
      if (matcher.region(start, contentEnd).find()) {
        if (!sink.line(lines.number(start), start, contentEnd)) return;
      }
      from = end + 1;
    }
  }

  /** Line ends and numbers of one text, numbers counted forward only as far as asked. */
  private static final class Lines {
    final String text;
    int counted;
    int number = 1;

    Lines(String text) {
      this.text = text;
    }

    /** {@return the index of the line break ending the line that holds {@code at}, or the text's length} */
    int end(int at) {
      int end = text.indexOf('\n', at);
      return end < 0 ? text.length() : end;
    }

    /** {@return {@code end} less a carriage return before it} */
    int contentEnd(int start, int end) {
      return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** {@return the 1-based number of the line starting at {@code start}; calls must come in text order} */
    int number(int start) {
      for (int i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) number++;
      counted = start;
      return number;
    }
  }
}
