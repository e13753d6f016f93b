package dev.lightspeed.tools.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Matching lines with context around them, in the form ripgrep prints: {@code path:12:match} for a match,
 * {@code path-11-context} for a context line (without numbers {@code path:match} and {@code path-context}),
 * and a {@code --} line between groups of lines that are not adjacent (between files too, see
 * {@link ParallelScan}).
 */
final class ContextLines {
  static final String SEPARATOR = "--";

  private ContextLines() {}

  /** {@return the output lines of one file, at most {@code cap} of them} */
  static List<String> scan(LineFinder finder, String text, String path, GrepFiles.Request request, int cap) {
    List<int[]> matches = new ArrayList<>(); // {number, start, end}
    finder.find(text, (number, start, end) -> {
      matches.add(new int[] {number, start, end});
      return matches.size() < cap;
    });
    List<String> out = new ArrayList<>();
    if (matches.isEmpty()) return out;
    List<int[]> lines = lines(text); // {start, contentEnd} per line, 0-based
    int shownThrough = 0; // the last line number already shown
    for (int m = 0; m < matches.size() && out.size() < cap; m++) {
      int number = matches.get(m)[0];
      int from = Math.max(shownThrough + 1, number - request.before());
      if (shownThrough > 0 && from > shownThrough + 1) out.add(SEPARATOR);
      for (int n = from; n < number && out.size() < cap; n++) out.add(line(path, n, '-', lines, text, request));
      if (out.size() < cap) out.add(line(path, number, ':', lines, text, request));
      int last = Math.min(lines.size(), number + request.after());
      int nextMatch = m + 1 < matches.size() ? matches.get(m + 1)[0] : Integer.MAX_VALUE;
      int n = number + 1;
      for (; n <= last && n < nextMatch && out.size() < cap; n++) out.add(line(path, n, '-', lines, text, request));
      shownThrough = n - 1;
    }
    return out;
  }

  private static String line(String path, int number, char mark, List<int[]> lines, String text, GrepFiles.Request request) {
    int[] at = lines.get(number - 1);
    String shown = Text.clip(text.substring(at[0], at[1]), GrepFiles.MAX_LINE_CHARS);
    return request.lineNumbers() ? path + mark + number + mark + shown : path + mark + shown;
  }

  /** {@return each line's start and end (without its line break and a {@code \r} before it)} */
  private static List<int[]> lines(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      if (end < 0) end = text.length();
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      out.add(new int[] {start, contentEnd});
      start = next;
    }
    return out;
  }
}
