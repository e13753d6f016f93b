package dev.lightspeed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@link SourceTree} on disk, where the file-tool benchmarks and ripgrep both read it:
 * {@code $TMPDIR/lightspeed-bench/grep-tree-v1}. Written once and kept, so every fork and every {@code rg} run
 * searches the same bytes and only the first run pays for writing 100 MB; a marker beside the tree (not in it,
 * where a search would see it) records that it is complete. Change the version in the name when the
 * generator changes. Run {@link #main} to write it without running a benchmark.
 */
public final class GrepTree {
  static final Path BASE = Path.of(System.getProperty("java.io.tmpdir"), "lightspeed-bench");
  static final Path ROOT = BASE.resolve("grep-tree-v1");
  /** The file blob store the VFS benchmarks keep their copy of the tree in, kept between runs like the tree. */
  static final Path BLOB_STORE = BASE.resolve("vfs-store-v1");
  private static final Path MARKER = BASE.resolve("grep-tree-v1.complete");

  private GrepTree() {}

  /** {@return the tree's root directory, generating the tree first when it is not complete} */
  static synchronized Path ensure() {
    try {
      if (Files.exists(MARKER)) return ROOT;
      deleteRecursively(ROOT);
      long[] totals = new long[2];
      SourceTree.generate(file -> {
        try {
          Path path = ROOT.resolve(file.path());
          Files.createDirectories(path.getParent());
          Files.write(path, file.content());
          totals[0]++;
          totals[1] += file.content().length;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      Files.writeString(MARKER, String.format(Locale.ROOT, "files=%d bytes=%d%n", totals[0], totals[1]), StandardCharsets.UTF_8);
      return ROOT;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark tree at " + ROOT, e);
    }
  }

  /** {@return the marker's line: how many files and bytes the tree holds} */
  static String totals() {
    try {
      ensure();
      return Files.readString(MARKER).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Writes the tree (when missing) and prints where it is and what to search it for, for timing {@code rg}. */
  public static void main(String[] args) {
    Path root = ensure();
    System.out.println(root);
    System.out.println(totals());
    System.out.println("literal: " + SourceTree.LITERAL + " (" + SourceTree.LITERAL_LINES + " lines)");
    System.out.println("regex:   " + SourceTree.REGEX + " (" + SourceTree.REGEX_LINES + " lines)");
  }
}
