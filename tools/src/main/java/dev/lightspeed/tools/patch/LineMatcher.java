package dev.lightspeed.tools.patch;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds where a chunk's lines sit in a file, forgiving the small differences models introduce. Tries, in
 * order, an exact match, a match ignoring trailing whitespace, one ignoring surrounding whitespace, and one
 * that also treats typographic punctuation (dashes, curly quotes, non-breaking and other Unicode spaces,
 * ellipsis) as its ASCII counterpart. The first pass that finds the lines wins, at the earliest position at or
 * after {@code from}.
 */
final class LineMatcher {
  private static final List<UnaryOperator<String>> PASSES = List.of(
      UnaryOperator.identity(),
      String::stripTrailing,
      String::strip,
      line -> normalizePunctuation(line.strip()));

  private LineMatcher() {}

  /**
   * {@return the index in {@code lines} where {@code pattern} starts, or -1}
   *
   * @param atEnd try a match that ends at the last line first (for chunks anchored at the end of the file)
   */
  static int find(List<String> lines, List<String> pattern, int from, boolean atEnd) {
    if (pattern.isEmpty()) return Math.min(from, lines.size());
    if (pattern.size() > lines.size()) return -1;
    for (UnaryOperator<String> pass : PASSES) {
      if (atEnd) {
        int tail = lines.size() - pattern.size();
        if (tail >= from && matchesAt(lines, pattern, tail, pass)) return tail;
      }
      for (int i = from; i + pattern.size() <= lines.size(); i++) {
        if (matchesAt(lines, pattern, i, pass)) return i;
      }
    }
    return -1;
  }

  private static boolean matchesAt(List<String> lines, List<String> pattern, int at, UnaryOperator<String> pass) {
    for (int j = 0; j < pattern.size(); j++) {
      if (!pass.apply(lines.get(at + j)).equals(pass.apply(pattern.get(j)))) return false;
    }
    return true;
  }

  /** {@return {@code s} with typographic dashes, quotes, spaces and ellipses replaced by ASCII} */
  static String normalizePunctuation(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = switch (c) {
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
        case '\u2018', '\u2019', '\u201A', '\u201B' -> "'";
        case '\u201C', '\u201D', '\u201E', '\u201F' -> "\"";
        case '\u00A0', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
            '\u202F', '\u205F', '\u3000' -> " ";
        case '\u2026' -> "...";
        default -> null;
      };
      if (replacement != null && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
      if (out != null) {
        if (replacement != null) out.append(replacement);
        else out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
