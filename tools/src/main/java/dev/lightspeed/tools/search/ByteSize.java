package dev.lightspeed.tools.search;

import java.util.Locale;

/** Byte counts as notes show them: whole MiB or KiB when exact, else bytes ("16 MiB", "250 bytes"). */
public final class ByteSize {
  private ByteSize() {}

  public static String format(long bytes) {
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return String.format(Locale.ROOT, "%,d KiB", bytes >> 10);
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
