package dev.lightspeed.tools.file;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Grep reads files on several threads, finds candidate lines by a required literal and stops at the limit;
 * whatever the pattern, mode and limit, its output must be what a plain one-line-at-a-time search of the
 * files in walk order gives. The oracle here is that plain search, written as simply as possible.
 */
class GrepAgreesWithALineByLineSearchTest {
  @TempDir Path dir;

  private static final String[] WORDS = {
      "needle", "needle_42", "neeedle_7", "Needle", "NEEDLE", "haystack", "fetchUserAsync(", "fetch", "Async(", "  ", "\t",
      "x", "(", ")", "é", "日本", "needle_123", "end"};
  private static final String[] PATTERNS = {
      "needle", "ne+dle_\\d+", "^\\s*needle", "needle$", "(?i)NEEDLE", "x", "\\bneedle_[0-9]{2}\\b", "hay|needle",
      "fetch[A-Z]\\w*Async\\(", "日本", "^$", "é.*end"};

  private Map<String, String> tree(long seed) {
    Random rnd = new Random(seed);
    Map<String, String> files = new TreeMap<>();
    for (int f = 0; f < 120; f++) {
      String path = switch (rnd.nextInt(4)) {
        case 0 -> "f" + f + ".txt";
        case 1 -> "d" + rnd.nextInt(4) + "/f" + f + ".txt";
        case 2 -> "d" + rnd.nextInt(4) + "/e" + rnd.nextInt(3) + "/f" + f + ".py";
        default -> "d" + rnd.nextInt(4) + ".x/f" + f + ".md";
      };
      StringBuilder text = new StringBuilder();
      int lines = rnd.nextInt(40);
      for (int l = 0; l < lines; l++) {
        int words = rnd.nextInt(6);
        for (int w = 0; w < words; w++) text.append(WORDS[rnd.nextInt(WORDS.length)]).append(rnd.nextBoolean() ? " " : "");
        text.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
      }
      if (rnd.nextInt(5) == 0 && !text.isEmpty()) text.setLength(text.length() - 1); // no final line break
      files.put(path, text.toString());
    }
    return files;
  }

  /** Every file under the root in walk order: depth first, each directory's entries by name. */
  private static List<Path> walk(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
        if (Files.isDirectory(child)) out.addAll(walk(child));
        else out.add(child);
      }
    }
    return out;
  }

  /** The plain search: each line on its own, content mode with line numbers. */
  private static List<String> oracle(Path root, Backend backend, String regex, String mode) throws IOException {
    Pattern p = Pattern.compile(regex);
    List<String> out = new ArrayList<>();
    for (Path file : walk(root)) {
      String shown = (backend == Backend.VFS ? "/workspace/" : "/") + root.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      int n = text.isEmpty() ? 0 : text.endsWith("\n") ? lines.length - 1 : lines.length; // an empty file has no lines
      int count = 0;
      for (int i = 0; i < n; i++) {
        String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        if (!p.matcher(line).find()) continue;
        count++;
        if (mode.equals("content")) out.add(shown + ":" + (i + 1) + ":" + line);
      }
      if (count > 0 && mode.equals("files_with_matches")) out.add(shown);
      if (count > 0 && mode.equals("count")) out.add(shown + ":" + count);
    }
    return out;
  }

  private static String expected(List<String> all, int limit, String unit, String limitName) {
    if (all.isEmpty()) return "No matches found";
    if (all.size() <= limit) return String.join("\n", all);
    return String.join("\n", all.subList(0, limit)) + "\n[stopped at " + limit + " " + unit
        + ", the result limit; narrow the pattern, the path or the file filter, or raise " + limitName + "]";
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyPatternModeAndLimitGivesThePlainSearchsOutput(Backend backend) throws IOException {
    for (long seed = 1; seed <= 2; seed++) {
      Path root = dir.resolve(backend + "-" + seed);
      Map<String, String> files = tree(seed);
      ToolHarness h = ToolHarness.on(backend, root, files);
      Path plain = dir.resolve("plain-" + backend + "-" + seed);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = plain.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
      }
      for (String regex : PATTERNS) {
        List<String> content = oracle(plain, backend, regex, "content");
        List<String> withMatches = oracle(plain, backend, regex, "files_with_matches");
        List<String> counts = oracle(plain, backend, regex, "count");
        for (int limit : new int[] {1, 7, 100_000}) {
          String what = "seed " + seed + ", /" + regex + "/, limit " + limit;
          assertThat(h.call("grep", json("pattern", regex, "limit", limit)))
              .as(what).isEqualTo(ToolResult.ok(expected(content, limit, "matching lines", "limit")));
          assertThat(h.call("Grep", json("pattern", regex, "head_limit", limit)))
              .as(what).isEqualTo(ToolResult.ok(expected(withMatches, limit, "files", "head_limit")));
          assertThat(h.call("Grep", json("pattern", regex, "head_limit", limit, "output_mode", "count")))
              .as(what).isEqualTo(ToolResult.ok(expected(counts, limit, "files", "head_limit")));
        }
      }
    }
  }
}
