package dev.lightspeed.tools.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileWalker;
import dev.lightspeed.tools.fs.LocalFileSystem;
import dev.lightspeed.tools.search.Budget;
import dev.lightspeed.tools.search.SearchBounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several threads give what one thread gives: same lines, same limit verdict, same notes, same failure. */
class ParallelScanTest {
  @TempDir Path dir;
  FileSession files;

  @BeforeEach
  void tree() throws IOException {
    for (int i = 0; i < 60; i++) {
      Path p = dir.resolve("d" + (i % 3)).resolve(String.format("f%02d", i));
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x".repeat(i));
    }
    files = new LocalFileSystem(dir).open();
  }

  /** Each file gives (its number mod 4) lines, after a random pause; names ending in 7 are too large. */
  private record Scanner(String failOn) implements ParallelScan.FileScanner {
    @Override
    public ParallelScan.Choice choose(FileWalker.Entry file) {
      String name = file.path().name().orElseThrow();
      if (name.endsWith("5")) return ParallelScan.Choice.IGNORE;
      return name.endsWith("7") ? ParallelScan.Choice.TOO_LARGE : ParallelScan.Choice.SCAN;
    }

    @Override
    public List<String> scan(FileWalker.Entry file, int cap) {
      try {
        Thread.sleep(0, ThreadLocalRandom.current().nextInt(300_000));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      String name = file.path().name().orElseThrow();
      if (name.equals(failOn)) throw new IllegalStateException("cannot read " + file.path());
      int n = Integer.parseInt(name.substring(1)) % 4;
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n && out.size() < cap; i++) out.add(file.path() + ":" + i);
      return out;
    }
  }

  private ParallelScan.Result run(int threads, int limit, String failOn, SearchBounds bounds) {
    Budget budget = new Budget(bounds, () -> false);
    return ParallelScan.run(FileWalker.from(files, VfsPath.ROOT, d -> budget.alive()), budget, new Scanner(failOn), limit, null, threads);
  }

  @Test
  void everyLimitGivesTheOneThreadResult() {
    for (int limit = 1; limit <= 100; limit += 3) {
      for (int round = 0; round < 3; round++) {
        assertThat(run(4, limit, "", SearchBounds.DEFAULT)).as("limit %d", limit).isEqualTo(run(1, limit, "", SearchBounds.DEFAULT));
      }
    }
    ParallelScan.Result all = run(4, 10_000, "", SearchBounds.DEFAULT);
    assertThat(all.limited()).isFalse();
    assertThat(all.tooLarge()).isEqualTo(6);
    int expected = 0;
    for (int i = 0; i < 60; i++) if (i % 10 != 5 && i % 10 != 7) expected += i % 4;
    assertThat(all.lines()).hasSize(expected).startsWith("/d0/f03:0", "/d0/f03:1", "/d0/f03:2", "/d0/f06:0");
  }

  @Test
  void aFailureCountsOnlyWhenTheOneThreadSearchWouldReachIt() {
    // d0 holds f00, f03, …; the walk reaches d2/f50 late, so a small limit is met before it.
    assertThat(run(4, 3, "f50", SearchBounds.DEFAULT)).isEqualTo(run(1, 3, "f50", SearchBounds.DEFAULT));
    assertThatThrownBy(() -> run(4, 10_000, "f50", SearchBounds.DEFAULT)).hasMessage("cannot read /d2/f50");
  }

  @Test
  void theFileBoundStopsWhereTheOneThreadSearchStops() {
    SearchBounds tenFiles = new SearchBounds(10, 1L << 30, Duration.ofSeconds(20), 1L << 20);
    assertThat(run(4, 10_000, "", tenFiles)).isEqualTo(run(1, 10_000, "", tenFiles));
    Budget budget = new Budget(tenFiles, () -> false);
    ParallelScan.run(FileWalker.from(files, VfsPath.ROOT, d -> budget.alive()), budget, new Scanner(""), 10_000, null, 4);
    assertThat(budget.stopped()).contains(Budget.Stop.FILES);
  }
}
