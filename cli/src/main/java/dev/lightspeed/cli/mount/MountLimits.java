package dev.lightspeed.cli.mount;

import java.util.Locale;

/**
 * The VFS limits a local directory must fit, checked while scanning so an oversized directory fails before
 * anything is uploaded. {@link #DEFAULT} is the gateway's: 10,000 files, 512 MiB in total, 128 MiB per file.
 */
public record MountLimits(long maxFiles, long maxTotalBytes, long maxFileBytes) {
  public static final MountLimits DEFAULT = new MountLimits(10_000, 512L << 20, 128L << 20);

  /** {@return {@code bytes} for people: 1.5 KiB, 12.0 MiB} */
  public static String size(long bytes) {
    if (bytes < 1024) return bytes + " B";
    if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
