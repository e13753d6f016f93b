package dev.lightspeed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control for {@link GrepBench} on the local tree: what a plain Java search of the same tree costs with no
 * tool around it. One {@link Files#walkFileTree} over the directory, then each file read whole with
 * {@link Files#readAllBytes}, decoded, and scanned with the same {@code java.util.regex} pattern (multi-line),
 * counting matching lines; no path confinement, no per-file checks, no output. With {@code threads=2} the
 * files are shared out to two threads, as {@code rg} does on this box. The gap between this and the tool is
 * what the tool's file-system layer costs; the gap between this and {@code rg} is what the JVM's I/O path and
 * a backtracking regex engine cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class GrepBaselineBench {
  @Param({"LITERAL", "REGEX"})
  public GrepBench.Search search;

  @Param({"1", "2"})
  public int threads;

  private Path tree;
  private Pattern pattern;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void prepare() {
    tree = GrepTree.ensure();
    pattern = Pattern.compile(search.pattern, Pattern.MULTILINE);
    pool = Executors.newFixedThreadPool(threads);
  }

  @Benchmark
  public int walkReadAndScan() throws IOException, InterruptedException, ExecutionException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(tree, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        files.add(file);
        return FileVisitResult.CONTINUE;
      }
    });
    AtomicInteger next = new AtomicInteger();
    List<Future<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) workers.add(pool.submit(() -> scan(files, next)));
    int lines = 0;
    for (Future<Integer> w : workers) lines += w.get();
    if (lines != search.lines) throw new IllegalStateException("found " + lines + " lines, expected " + search.lines);
    return lines;
  }

  /** {@return the matching lines of the files this worker claims, one at a time, from {@code next}} */
  private int scan(List<Path> files, AtomicInteger next) {
    Matcher matcher = pattern.matcher("");
    int lines = 0;
    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
      String text;
      try {
        text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      matcher.reset(text);
      int from = 0;
      while (from < text.length() && matcher.find(from)) {
        lines++;
        int end = text.indexOf('\n', matcher.end());
        from = end < 0 ? text.length() : end + 1;
      }
    }
    return lines;
  }

  @TearDown(Level.Trial)
  public void stopPool() {
    pool.shutdownNow();
  }
}
