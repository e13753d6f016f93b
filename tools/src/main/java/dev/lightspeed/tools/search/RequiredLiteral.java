package dev.lightspeed.tools.search;

import java.util.Optional;

/**
 * The longest run of plain characters that every match of a regular expression must contain, so a search
 * can find candidate lines with {@link String#indexOf(String)} (vectorized by the JVM) and run the regex only
 * on those. The reading is conservative: anything it does not fully understand (alternation, inline flags,
 * back-references, quoting, unusual escapes) gives no literal, never a wrong one. Groups, classes, dots and
 * quantified characters end a run; only characters that must appear, in order and adjacent, form one.
 */
public record RequiredLiteral(String text, boolean wholePattern) {
  /** Runs shorter than this are not worth a prefilter: the regex engine's own literal search is as fast. */
  static final int MIN_LENGTH = 3;

  /**
   * {@return the required literal of {@code regex}, or empty when there is none worth using}
   * {@code wholePattern} is true when the regex is nothing but that literal, so a hit is a match.
   */
  public static Optional<RequiredLiteral> of(String regex) {
    StringBuilder best = new StringBuilder();
    StringBuilder run = new StringBuilder();
    boolean plain = true;
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      int next;
      String literal = null;
      switch (c) {
        case '|' -> {
          return Optional.empty();
        }
        case '\\' -> {
          if (i + 1 >= n) return Optional.empty();
          char e = regex.charAt(i + 1);
          if (isPunctuation(e)) {
            literal = String.valueOf(e);
            next = i + 2;
          } else if ("wWdDsSbBAzZGhHvVRX".indexOf(e) >= 0) {
            next = i + 2;
          } else if (e == 'p' || e == 'P') {
            int close = i + 2 < n && regex.charAt(i + 2) == '{' ? regex.indexOf('}', i + 2) : i + 2;
            if (close < 0) return Optional.empty();
            next = close + 1;
          } else {
            return Optional.empty(); // quoting, back-references, code-point and control escapes: not worth reading
          }
        }
        case '[' -> {
          int close = classEnd(regex, i);
          if (close < 0) return Optional.empty();
          next = close + 1;
        }
        case '(' -> {
          if (i + 1 < n && regex.charAt(i + 1) == '?' && !(i + 2 < n && regex.charAt(i + 2) == ':')) {
            return Optional.empty(); // inline flags and look-arounds change what the literal means
          }
          int close = groupEnd(regex, i);
          if (close < 0) return Optional.empty();
          next = close + 1;
        }
        case '.', '^', '$' -> next = i + 1;
        case '*', '+', '?', '{', ')', ']', '}' -> {
          return Optional.empty(); // a quantifier with nothing to quantify, or a stray closer: leave it to Pattern
        }
        default -> {
          next = Character.isHighSurrogate(c) && i + 1 < n ? i + 2 : i + 1; // a quantifier takes the whole code point
          literal = regex.substring(i, next);
        }
      }
      int quantifierEnd = quantifierEnd(regex, next);
      if (quantifierEnd < 0) return Optional.empty();
      boolean quantified = quantifierEnd > next;
      if (literal != null && !quantified) {
        run.append(literal);
      } else {
        plain = false;
        if (run.length() > best.length()) best.replace(0, best.length(), run.toString());
        run.setLength(0);
      }
      i = quantified ? quantifierEnd : next;
    }
    if (run.length() > best.length()) best.replace(0, best.length(), run.toString());
    if (best.length() < MIN_LENGTH) return Optional.empty();
    return Optional.of(new RequiredLiteral(best.toString(), plain));
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
  }

  /** {@return the index of the {@code ]} closing the class opened at {@code open}, or -1} */
  private static int classEnd(String regex, int open) {
    int depth = 0;
    int i = open;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') i++;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') i++; // a leading ] is a member
      } else if (c == ']' && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** {@return the index of the {@code )} closing the group opened at {@code open}, or -1} */
  private static int groupEnd(String regex, int open) {
    int depth = 0;
    int i = open;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        int close = classEnd(regex, i);
        if (close < 0) return -1;
        i = close + 1;
        continue;
      }
      if (c == '(') depth++;
      else if (c == ')' && --depth == 0) return i;
      i++;
    }
    return -1;
  }

  /** {@return where the quantifier starting at {@code at} ends ({@code at} when there is none), or -1} */
  private static int quantifierEnd(String regex, int at) {
    if (at >= regex.length()) return at;
    char c = regex.charAt(at);
    int end;
    if (c == '*' || c == '+' || c == '?') {
      end = at + 1;
    } else if (c == '{') {
      int close = regex.indexOf('}', at);
      if (close < 0) return -1;
      end = close + 1;
    } else {
      return at;
    }
    if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) end++;
    return end;
  }
}
