package dev.lightspeed.tools.search;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Spends a {@link SearchBounds} during one search: counts files and bytes, watches the clock and the abort
 * signal, and remembers the first bound hit so the result can name it. Not thread-safe.
 */
public final class Budget {
  /** The bound a search stopped at. */
  public enum Stop {
    FILES,
    BYTES,
    TIME,
    CANCELLED
  }

  private final SearchBounds bounds;
  private final BooleanSupplier aborted;
  private final long deadline;
  private int files;
  private long bytes;
  private Stop stop;

  public Budget(SearchBounds bounds, BooleanSupplier aborted) {
    this.bounds = bounds;
    this.aborted = aborted;
    this.deadline = System.nanoTime() + bounds.maxTime().toNanos();
  }

  /** {@return false, recording why, when looking at one more file of {@code size} bytes would exceed a bound} */
  public boolean admit(long size) {
    if (stop != null) return false;
    if (aborted.getAsBoolean()) stop = Stop.CANCELLED;
    else if (System.nanoTime() - deadline > 0) stop = Stop.TIME;
    else if (files >= bounds.maxFiles()) stop = Stop.FILES;
    else if (bytes + size > bounds.maxBytes()) stop = Stop.BYTES;
    if (stop != null) return false;
    files++;
    bytes += size;
    return true;
  }

  /** {@return false, recording why, when time is up or the call was aborted} */
  public boolean alive() {
    if (stop != null) return false;
    if (aborted.getAsBoolean()) stop = Stop.CANCELLED;
    else if (System.nanoTime() - deadline > 0) stop = Stop.TIME;
    return stop == null;
  }

  /** {@return the bound the search stopped at, if any} */
  public Optional<Stop> stopped() {
    return Optional.ofNullable(stop);
  }

  public SearchBounds bounds() {
    return bounds;
  }

  /** {@return a note naming the bound hit, or empty; {@code narrow} says how to search less} */
  public Optional<String> note(String narrow) {
    if (stop == null) return Optional.empty();
    return Optional.of(switch (stop) {
      case FILES -> String.format(Locale.ROOT, "[stopped after looking at %,d files, the search bound; %s]", bounds.maxFiles(), narrow);
      case BYTES -> "[stopped after reading " + ByteSize.format(bounds.maxBytes()) + ", the search bound; " + narrow + "]";
      case TIME -> "[stopped after " + bounds.maxTime().toSeconds() + " s, the search time bound; " + narrow + "]";
      case CANCELLED -> "[stopped: the run was cancelled]";
    });
  }
}
