package dev.lightspeed.bench;

import dev.lightspeed.bench.SourceText.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A generated repository to search, the same bytes every time (fixed seed): {@value #FILES} text files of about
 * 100 MB in about 570 directories up to six levels deep under eight top-level modules, in the mix of a typical code
 * base (Java, TypeScript, Python, Go, Markdown, JSON). Sizes follow a log-normal spread like real source trees:
 * most files a few KB, a long tail up to about a megabyte. {@value #LITERAL_LINES} lines hold {@link #LITERAL} and
 * {@value #REGEX_LINES} lines match {@link #REGEX}, planted in random code files, so a search has a known, small
 * answer and never runs into a result limit.
 */
final class SourceTree {
  static final long SEED = 5;
  static final int FILES = 10_000;
  static final long TARGET_BYTES = 100_000_000;
  static final int MAX_FILE_BYTES = 1_500_000;
  static final String LITERAL = "reconcileLedgerShards";
  static final int LITERAL_LINES = 40;
  static final String REGEX = "fetch[A-Z]\\w*Async\\(";
  static final int REGEX_LINES = 60;

  private static final String[] MODULES = {"core", "api", "server", "client", "storage", "billing", "search", "web"};
  private static final String[] DIRECTORIES = {
    "impl", "model", "util", "internal", "handlers", "codec", "config", "metrics", "cache", "io", "auth", "jobs",
    "events", "routing", "schema", "testing"};

  /** One generated file: its path relative to the tree's root ({@code /}-separated) and its bytes. */
  record File(String path, byte[] content) {}

  private SourceTree() {}

  /** Generates the tree, handing each file to {@code sink} in generation order. */
  static void generate(Consumer<File> sink) {
    Random rnd = new Random(SEED);
    List<String> dirs = new ArrayList<>();
    for (String module : MODULES) grow(module, 1, rnd, dirs);
    int[] sizes = sizes(rnd);
    Language[] languages = new Language[FILES];
    List<Integer> code = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      languages[i] = language(rnd);
      if (languages[i].isCode()) code.add(i);
    }
    int[] literal = plant(LITERAL_LINES, code, rnd);
    int[] regex = plant(REGEX_LINES, code, rnd);
    SourceText text = new SourceText(rnd);
    Set<String> paths = new HashSet<>();
    for (int i = 0; i < FILES; i++) {
      String dir = dirs.get(rnd.nextInt(dirs.size()));
      String path = uniquePath(dir, languages[i], rnd, paths);
      String content = text.file(languages[i], sizes[i], literal[i], regex[i]);
      sink.accept(new File(path, content.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** Adds {@code dir} and a random subtree below it: wide near the top, narrowing with depth, at most six deep. */
  private static void grow(String dir, int depth, Random rnd, List<String> out) {
    out.add(dir);
    if (depth >= 6) return;
    int children = rnd.nextInt(depth == 1 ? 7 : depth == 2 ? 5 : 4);
    List<String> names = new ArrayList<>(List.of(DIRECTORIES));
    Collections.shuffle(names, rnd);
    for (int i = 0; i < children; i++) grow(dir + "/" + names.get(i), depth + 1, rnd, out);
  }

  /** {@return log-normal file sizes (σ = 1.1) scaled to add up to about {@value #TARGET_BYTES} bytes} */
  private static int[] sizes(Random rnd) {
    double sigma = 1.1;
    double[] raw = new double[FILES];
    double sum = 0;
    for (int i = 0; i < FILES; i++) {
      raw[i] = Math.exp(sigma * rnd.nextGaussian());
      sum += raw[i];
    }
    int[] sizes = new int[FILES];
    for (int i = 0; i < FILES; i++) sizes[i] = (int) Math.max(100, Math.min(MAX_FILE_BYTES, raw[i] * TARGET_BYTES / sum));
    return sizes;
  }

  private static Language language(Random rnd) {
    int p = rnd.nextInt(100);
    if (p < 35) return Language.JAVA;
    if (p < 55) return Language.TYPESCRIPT;
    if (p < 75) return Language.PYTHON;
    if (p < 85) return Language.GO;
    if (p < 93) return Language.MARKDOWN;
    return Language.JSON;
  }

  /** {@return per file, how many of {@code lines} planted lines it gets, spread over random code files} */
  private static int[] plant(int lines, List<Integer> codeFiles, Random rnd) {
    int[] perFile = new int[FILES];
    for (int i = 0; i < lines; i++) perFile[codeFiles.get(rnd.nextInt(codeFiles.size()))]++;
    return perFile;
  }

  private static String uniquePath(String dir, Language language, Random rnd, Set<String> taken) {
    String noun = SourceText.NOUNS[rnd.nextInt(SourceText.NOUNS.length)];
    String suffix = SourceText.SUFFIXES[rnd.nextInt(SourceText.SUFFIXES.length)];
    String base = switch (language) {
      case JAVA -> noun + suffix;
      case TYPESCRIPT -> Character.toLowerCase(noun.charAt(0)) + noun.substring(1) + suffix;
      case PYTHON, GO -> (noun + "_" + suffix).toLowerCase(Locale.ROOT).replaceAll("_$", "");
      case MARKDOWN -> noun.toUpperCase(Locale.ROOT) + "_NOTES";
      case JSON -> noun.toLowerCase(Locale.ROOT) + "-settings";
    };
    String path = dir + "/" + base + "." + language.extension;
    for (int n = 2; !taken.add(path); n++) path = dir + "/" + base + n + "." + language.extension;
    return path;
  }
}
