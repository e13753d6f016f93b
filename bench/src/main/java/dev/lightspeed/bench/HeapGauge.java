package dev.lightspeed.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections: what live objects take, without garbage waiting to be collected. */
final class HeapGauge {
  private static final int COLLECTIONS = 3;

  private HeapGauge() {}

  /** {@return bytes of heap in use after a few full collections} */
  static long usedAfterGc() {
    for (int i = 0; i < COLLECTIONS; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while collecting garbage", e);
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
