package dev.lightspeed.bench;

import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.VfsNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a snapshot's directory tree from a flat list of files, as an uploader does after putting the blobs:
 * the paths are grouped into nested directories first, then each directory is made once, bottom up, with
 * {@link VfsDirectory#of} (never by editing a growing tree one file at a time).
 */
final class ManifestBuilder {
  /** A file to place: its path relative to the root ({@code /}-separated) and its manifest entry. */
  record Entry(String path, VfsFile file) {}

  /** A directory being gathered. */
  private static final class Gathered {
    final Map<String, Gathered> dirs = new TreeMap<>();
    final Map<String, VfsFile> files = new TreeMap<>();

    VfsDirectory build() {
      Map<String, VfsNode> nodes = new TreeMap<>(files);
      for (Map.Entry<String, Gathered> d : dirs.entrySet()) nodes.put(d.getKey(), d.getValue().build());
      return VfsDirectory.of(nodes);
    }
  }

  private ManifestBuilder() {}

  /** {@return the root directory holding {@code files}} */
  static VfsDirectory build(List<Entry> files) {
    Gathered root = new Gathered();
    for (Entry e : files) {
      String[] parts = e.path().split("/");
      Gathered dir = root;
      for (int i = 0; i < parts.length - 1; i++) dir = dir.dirs.computeIfAbsent(parts[i], k -> new Gathered());
      dir.files.put(parts[parts.length - 1], e.file());
    }
    return root.build();
  }
}
