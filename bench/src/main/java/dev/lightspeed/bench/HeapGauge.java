package dev.lightspeed.bench;

import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;

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

  /** {@return the first {@code lines} lines of the JVM's class histogram of live objects (it runs a full GC)} */
  static String histogram(int lines) {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
          "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return ((String) text).lines().limit(lines).collect(Collectors.joining("\n"));
    } catch (JMException e) {
      return "(no class histogram: " + e.getMessage() + ")";
    }
  }

  static String mib(long bytes) {
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
