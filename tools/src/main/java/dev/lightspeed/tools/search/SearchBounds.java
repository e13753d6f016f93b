package dev.lightspeed.tools.search;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one glob or grep call may do before it stops and says so: files looked at, bytes read, wall time,
 * and the largest file grep reads (bigger ones are skipped and counted). The defaults suit a 10,000-file
 * workspace with room to spare.
 */
public record SearchBounds(int maxFiles, long maxBytes, Duration maxTime, long maxFileBytes) {
  public static final SearchBounds DEFAULT = new SearchBounds(50_000, 512L << 20, Duration.ofSeconds(20), 16L << 20);

  public SearchBounds {
    Objects.requireNonNull(maxTime, "maxTime");
    if (maxFiles < 1) throw new IllegalArgumentException("maxFiles < 1: " + maxFiles);
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
    if (maxFileBytes < 1) throw new IllegalArgumentException("maxFileBytes < 1: " + maxFileBytes);
  }
}
