package dev.lightspeed.tools.file;

import dev.lightspeed.tools.fs.FileWalker;
import dev.lightspeed.tools.search.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads and scans a walk's files on several threads and gives back exactly what scanning them one after the
 * other would: the output lines in walk order, cut at the limit, with the same notes. Files are handed out
 * in walk order under one lock (which also spends the {@link Budget}); a thread takes no new file once the
 * files handed out so far hold more lines than the limit, since every later line would be cut anyway. A
 * failure, a refused file or the limit is placed at its file's position, so only what the one-thread search
 * would have reached counts.
 */
final class ParallelScan {
  /** At most this many threads search at once; reading more files at a time than that gains nothing. */
  static final int MAX_THREADS = 4;

  /** Decides which of the walk's files a search reads, and reads them. */
  interface FileScanner {
    /** {@return how the search treats {@code file}; called under the hand-out lock, in walk order} */
    Choice choose(FileWalker.Entry file);

    /** {@return the output lines of {@code file}, at most {@code cap} of them} */
    List<String> scan(FileWalker.Entry file, int cap);
  }

  /** How a search treats one file of the walk. */
  enum Choice {
    /** Not one the search looks at (a filter says no): passed over without a word. */
    IGNORE,
    /** Too large to read: passed over and counted in a note. */
    TOO_LARGE,
    /** Read and scanned. */
    SCAN
  }

  /** What one file gave: its lines, or the failure reading it, or that it was too large. */
  private record Outcome(List<String> lines, RuntimeException failure, boolean tooLarge) {
    static final Outcome TOO_LARGE = new Outcome(List.of(), null, true);
  }

  /**
   * What the search found, as the one-thread search would have: the lines, whether more matched than the
   * limit let through, and how many files were too large to read. A bound the budget hit counts only when the
   * search was not {@code limited} (the one-thread search stops at the limit before reaching it).
   */
  record Result(List<String> lines, boolean limited, int tooLarge) {}

  private final FileWalker walker;
  private final Budget budget;
  private final FileScanner scanner;
  private final int limit;
  private final String fileSeparator;
  private final ReentrantLock lock = new ReentrantLock();
  private final List<Outcome> outcomes = new ArrayList<>();
  private long linesFound;
  private boolean over;

  private ParallelScan(FileWalker walker, Budget budget, FileScanner scanner, int limit, String fileSeparator) {
    this.walker = walker;
    this.budget = budget;
    this.scanner = scanner;
    this.limit = limit;
    this.fileSeparator = fileSeparator;
  }

  /**
   * Runs the search with as many threads as the machine has cores, up to {@link #MAX_THREADS}.
   * {@code fileSeparator}, when not null, is a line put between the outputs of two files (counted in the limit).
   */
  static Result run(FileWalker walker, Budget budget, FileScanner scanner, int limit, String fileSeparator) {
    return run(walker, budget, scanner, limit, fileSeparator, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  static Result run(FileWalker walker, Budget budget, FileScanner scanner, int limit, String fileSeparator, int threads) {
    ParallelScan scan = new ParallelScan(walker, budget, scanner, limit, fileSeparator);
    if (threads <= 1) {
      scan.work();
    } else {
      try (ExecutorService helpers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 1; i < threads; i++) running.add(helpers.submit(scan::work));
        scan.work();
        for (Future<?> f : running) await(f);
      }
    }
    return scan.result();
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while searching", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  private void work() {
    for (Optional<Handout> next = next(); next.isPresent(); next = next()) {
      Handout h = next.get();
      Outcome outcome;
      try {
        outcome = new Outcome(scanner.scan(h.file(), limit + 1), null, false);
      } catch (RuntimeException e) {
        outcome = new Outcome(List.of(), e, false);
      }
      done(h.index(), outcome);
    }
  }

  private record Handout(int index, FileWalker.Entry file) {}

  /** {@return the next file to scan, in walk order; empty once the walk, a bound, a failure or the limit ends it} */
  private Optional<Handout> next() {
    lock.lock(); // a lock, not a monitor: the holder may block on file I/O, which pins a virtual thread's carrier on JDK 21
    try {
      return nextLocked();
    } finally {
      lock.unlock();
    }
  }

  private Optional<Handout> nextLocked() {
    while (!over && linesFound <= limit) {
      Optional<FileWalker.Entry> file;
      try {
        file = walker.next();
      } catch (RuntimeException e) {
        outcomes.add(new Outcome(List.of(), e, false));
        over = true;
        break;
      }
      if (file.isEmpty()) {
        over = true;
        break;
      }
      switch (scanner.choose(file.get())) {
        case IGNORE -> { }
        case TOO_LARGE -> outcomes.add(Outcome.TOO_LARGE);
        case SCAN -> {
          if (!budget.admit(file.get().stat().size())) {
            over = true;
          } else {
            outcomes.add(null);
            return Optional.of(new Handout(outcomes.size() - 1, file.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private void done(int index, Outcome outcome) {
    lock.lock();
    try {
      outcomes.set(index, outcome);
      linesFound += outcome.lines().size();
      if (outcome.failure() != null) over = true;
    } finally {
      lock.unlock();
    }
  }

  private Result result() {
    List<String> lines = new ArrayList<>();
    int tooLarge = 0;
    for (Outcome o : outcomes) {
      if (o.failure() != null) throw o.failure();
      if (o.tooLarge()) tooLarge++;
      if (fileSeparator != null && !lines.isEmpty() && !o.lines().isEmpty()) {
        if (lines.size() == limit) return new Result(lines, true, tooLarge);
        lines.add(fileSeparator);
      }
      for (String line : o.lines()) {
        if (lines.size() == limit) return new Result(lines, true, tooLarge);
        lines.add(line);
      }
    }
    return new Result(lines, false, tooLarge);
  }
}
