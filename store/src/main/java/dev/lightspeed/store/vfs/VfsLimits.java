package dev.lightspeed.store.vfs;

import java.util.Locale;

/**
 * How big a snapshot may be. The defaults keep a manifest small enough to load and rewrite on every edit
 * and a file small enough to read whole: 10,000 files, 512 MiB in total, 128 MiB per file, paths of at most
 * 64 components.
 */
public record VfsLimits(long maxFiles, long maxTotalBytes, long maxFileBytes, int maxDepth) {
  public static final VfsLimits DEFAULT = new VfsLimits(10_000, 512L << 20, 128L << 20, 64);

  public VfsLimits {
    if (maxFiles < 0) throw new IllegalArgumentException("maxFiles < 0: " + maxFiles);
    if (maxTotalBytes < 0) throw new IllegalArgumentException("maxTotalBytes < 0: " + maxTotalBytes);
    if (maxFileBytes < 0) throw new IllegalArgumentException("maxFileBytes < 0: " + maxFileBytes);
    if (maxDepth < 1) throw new IllegalArgumentException("maxDepth < 1: " + maxDepth);
  }

  /**
   * Checks a whole tree: counts, totals, every file's size and the depth.
   *
   * @throws SnapshotLimitException naming the first limit the tree exceeds
   */
  public void check(VfsDirectory root) {
    checkTotals(root);
    checkFiles(root, VfsPath.ROOT);
  }

  /**
   * Checks the cached totals of a tree (file count, total size, depth) without visiting its files.
   *
   * @throws SnapshotLimitException naming the first limit the tree exceeds
   */
  public void checkTotals(VfsDirectory root) {
    if (root.files() > maxFiles) {
      throw new SnapshotLimitException("the snapshot would hold " + count(root.files()) + " files; the limit is " + count(maxFiles));
    }
    if (root.bytes() > maxTotalBytes) {
      throw new SnapshotLimitException("the snapshot would hold " + size(root.bytes()) + " in total; the limit is " + size(maxTotalBytes));
    }
    if (root.height() > maxDepth) {
      throw new SnapshotLimitException("the snapshot has a path of " + root.height() + " components; the limit is " + maxDepth);
    }
  }

  private void checkFiles(VfsDirectory dir, VfsPath at) {
    for (var e : dir.entries().entrySet()) {
      switch (e.getValue()) {
        case VfsFile f -> checkFile(at.child(e.getKey()), f.size());
        case VfsDirectory d -> checkFiles(d, at.child(e.getKey()));
      }
    }
  }

  /** @throws SnapshotLimitException when a file of {@code size} bytes at {@code path} is too big */
  public void checkFile(VfsPath path, long size) {
    if (size > maxFileBytes) {
      throw new SnapshotLimitException("file " + path + " is " + size(size) + "; the limit per file is " + size(maxFileBytes));
    }
  }

  /** {@return {@code n} with thousands separators: 10,000} */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@return a byte count in the largest binary unit that keeps it whole when it is one, else in bytes} */
  static String size(long bytes) {
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return count(bytes >> 20) + " MiB";
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return count(bytes >> 10) + " KiB";
    return count(bytes) + " bytes";
  }
}
