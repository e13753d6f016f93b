package dev.lightspeed.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a set of durations, for figures JMH's per-invocation modes cannot give. */
final class Percentiles {
  private final List<Long> sorted;

  Percentiles(List<Long> nanos) {
    if (nanos.isEmpty()) throw new IllegalArgumentException("no samples");
    List<Long> copy = new ArrayList<>(nanos);
    Collections.sort(copy);
    this.sorted = List.copyOf(copy);
  }

  int count() {
    return sorted.size();
  }

  /** {@return the {@code q} quantile (0 < q <= 1) in milliseconds} */
  double millis(double q) {
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  double meanMillis() {
    double sum = 0;
    for (long n : sorted) sum += n;
    return sum / sorted.size() / 1e6;
  }

  String summary() {
    return String.format("n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  mean %.2f ms", count(), millis(0.5), millis(0.9), millis(0.99),
        millis(1.0), meanMillis());
  }
}
