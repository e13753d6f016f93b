package dev.lightspeed.cli.mount;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore}, with git's rules: {@code #} comments, {@code !} re-includes, a
 * trailing {@code /} matches directories only, a {@code /} at the start or in the middle anchors the pattern
 * to the file's own directory (otherwise it matches at any depth below it), {@code *}, {@code ?} and
 * {@code [...]} never match {@code /}, and {@code **} matches across directories. Within one file the last
 * matching pattern wins. Immutable.
 */
public final class IgnoreFile {
  private record Rule(Pattern regex, boolean negated, boolean directoryOnly) {}

  private final String base;
  private final List<Rule> rules;

  private IgnoreFile(String base, List<Rule> rules) {
    this.base = base;
    this.rules = List.copyOf(rules);
  }

  /**
   * {@return the patterns of {@code text}, a {@code .gitignore} in directory {@code base} (a path relative to
   * the scanned root, {@code ""} for the root itself)}
   */
  public static IgnoreFile parse(String base, String text) {
    Objects.requireNonNull(base, "base");
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = trimTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean negated = line.startsWith("!");
      if (negated) line = line.substring(1);
      else if (line.startsWith("\\!") || line.startsWith("\\#")) line = line.substring(1);
      boolean directoryOnly = line.endsWith("/");
      if (directoryOnly) line = line.substring(0, line.length() - 1);
      if (line.isEmpty()) continue;
      boolean anchored = line.indexOf('/') >= 0;
      if (line.startsWith("/")) line = line.substring(1);
      String glob = glob(line);
      rules.add(new Rule(Pattern.compile(anchored || line.startsWith("**/") ? glob : "(?:.*/)?" + glob), negated, directoryOnly));
    }
    return new IgnoreFile(base, rules);
  }

  /**
   * {@return whether this file's patterns ignore ({@code true}) or re-include ({@code false}) the entry at
   * {@code path} (relative to the scanned root), or empty when none matches it}
   */
  public Optional<Boolean> match(String path, boolean directory) {
    String relative;
    if (base.isEmpty()) relative = path;
    else if (path.startsWith(base + "/")) relative = path.substring(base.length() + 1);
    else return Optional.empty();
    for (int i = rules.size() - 1; i >= 0; i--) {
      Rule rule = rules.get(i);
      if (rule.directoryOnly() && !directory) continue;
      if (rule.regex().matcher(relative).matches()) return Optional.of(!rule.negated());
    }
    return Optional.empty();
  }

  private static String trimTrailingSpaces(String line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) end--;
    return line.substring(0, end);
  }

  /** {@return a regular expression for a gitignore glob (without leading or trailing slash)} */
  static String glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*' && pattern.startsWith("**", i) && (i == 0 || pattern.charAt(i - 1) == '/')
          && (i + 2 == pattern.length() || pattern.charAt(i + 2) == '/')) {
        if (i + 2 == pattern.length()) {
          regex.append(".*");
          i += 2;
        } else {
          regex.append("(?:.*/)?");
          i += 3;
        }
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
        int close = pattern.indexOf(']', i + 2);
        String body = pattern.substring(i + 1, close);
        if (body.startsWith("!") || body.startsWith("^")) body = "^" + body.substring(1);
        regex.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = close + 1;
      } else if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(i + 1))));
        i += 2;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return regex.toString();
  }
}
