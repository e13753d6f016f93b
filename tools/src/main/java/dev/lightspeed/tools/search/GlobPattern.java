package dev.lightspeed.tools.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob in the common gitignore style, matched against a {@code /}-separated relative path: {@code *} matches
 * any run of characters except {@code /}, {@code ?} one character except {@code /}, {@code **} any run
 * including {@code /} (as a whole component, {@code a/**}{@code /b} also matches {@code a/b}), {@code [abc]},
 * {@code [a-z]} and {@code [!a]} one character of a set, {@code {x,y}} either alternative, and {@code \}
 * escapes the next character. Everything else matches itself. Leading dots are not special.
 */
public final class GlobPattern {
  private final String glob;
  private final Pattern regex;

  private GlobPattern(String glob, Pattern regex) {
    this.glob = glob;
    this.regex = regex;
  }

  /** {@return the compiled glob} @throws IllegalArgumentException when a bracket or brace is not closed */
  public static GlobPattern compile(String glob) {
    Objects.requireNonNull(glob, "glob");
    return new GlobPattern(glob, Pattern.compile(toRegex(glob), Pattern.DOTALL));
  }

  /** {@return true when the glob matches the whole of {@code relativePath}} */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  /** {@return true when the glob has no {@code /}, so it is meant for names at any depth} */
  public boolean isNameOnly() {
    return glob.indexOf('/') < 0;
  }

  /**
   * {@return the leading components of the glob that hold no wildcard: where a walk can start} The last
   * component is never included, since it names files rather than a directory to walk.
   */
  public static List<String> literalPrefix(String glob) {
    String[] parts = glob.split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.length - 1; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.equals(".") || part.equals("..") || hasWildcard(part)) break;
      out.add(part);
    }
    return out;
  }

  private static boolean hasWildcard(String part) {
    for (char c : part.toCharArray()) if ("*?[]{}\\".indexOf(c) >= 0) return true;
    return false;
  }

  private static String toRegex(String glob) {
    StringBuilder out = new StringBuilder();
    int braces = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          boolean starStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
          if (!starStar) {
            out.append("[^/]*");
            i++;
          } else {
            boolean startOfComponent = i == 0 || glob.charAt(i - 1) == '/';
            boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
            if (startOfComponent && slashAfter) {
              out.append("(?:.*/)?");
              i += 3;
            } else {
              out.append(".*");
              i += 2;
            }
          }
        }
        case '?' -> {
          out.append("[^/]");
          i++;
        }
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) throw new IllegalArgumentException("unclosed [ in glob \"" + glob + "\"");
          String set = glob.substring(i + 1, close);
          boolean negated = set.startsWith("!") || set.startsWith("^");
          if (negated) set = set.substring(1);
          out.append('[').append(negated ? "^/" : "");
          for (char s : set.toCharArray()) out.append(s == '\\' || s == '[' || s == '&' ? "\\" + s : String.valueOf(s));
          out.append(']');
          i = close + 1;
        }
        case '{' -> {
          braces++;
          out.append("(?:");
          i++;
        }
        case '}' -> {
          if (braces == 0) {
            out.append("\\}");
          } else {
            braces--;
            out.append(')');
          }
          i++;
        }
        case ',' -> {
          out.append(braces > 0 ? "|" : ",");
          i++;
        }
        case '\\' -> {
          if (i + 1 < glob.length()) out.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
          i += 2;
        }
        default -> {
          out.append(Pattern.quote(String.valueOf(c)));
          i++;
        }
      }
    }
    if (braces > 0) throw new IllegalArgumentException("unclosed { in glob \"" + glob + "\"");
    return out.toString();
  }

  @Override
  public String toString() {
    return glob;
  }
}
