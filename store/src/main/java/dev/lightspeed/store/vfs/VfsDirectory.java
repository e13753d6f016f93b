package dev.lightspeed.store.vfs;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable directory of a snapshot: entries sorted by name, with the totals of everything beneath it
 * cached so limits can be checked after an edit without walking the tree. Edits ({@link #with},
 * {@link #without}) return a new directory that shares every untouched subtree with this one, so changing
 * one file of a 10,000-file tree copies only the directories on its path.
 */
public final class VfsDirectory implements VfsNode {
  public static final VfsDirectory EMPTY = new VfsDirectory(Collections.emptySortedMap(), 0, 0, 0);

  private final SortedMap<String, VfsNode> entries;
  private final long files;
  private final long bytes;
  private final int height;

  private VfsDirectory(SortedMap<String, VfsNode> entries, long files, long bytes, int height) {
    this.entries = entries;
    this.files = files;
    this.bytes = bytes;
    this.height = height;
  }

  /** {@return a directory of these entries} @throws VfsPathException when a name is not a valid file name */
  public static VfsDirectory of(Map<String, ? extends VfsNode> entries) {
    TreeMap<String, VfsNode> sorted = new TreeMap<>();
    for (Map.Entry<String, ? extends VfsNode> e : entries.entrySet()) {
      VfsPath.checkName(e.getKey());
      sorted.put(e.getKey(), Objects.requireNonNull(e.getValue(), "entry " + e.getKey()));
    }
    return build(sorted);
  }

  private static VfsDirectory build(TreeMap<String, VfsNode> sorted) {
    if (sorted.isEmpty()) return EMPTY;
    long files = 0;
    long bytes = 0;
    int height = 0;
    for (VfsNode node : sorted.values()) {
      switch (node) {
        case VfsFile f -> {
          files++;
          bytes += f.size();
          height = Math.max(height, 1);
        }
        case VfsDirectory d -> {
          files += d.files;
          bytes += d.bytes;
          height = Math.max(height, 1 + d.height);
        }
      }
    }
    return new VfsDirectory(Collections.unmodifiableSortedMap(sorted), files, bytes, height);
  }

  /** {@return the entries by name, in name order; unmodifiable} */
  public SortedMap<String, VfsNode> entries() {
    return entries;
  }

  /** {@return how many files are beneath this directory, at any depth} */
  public long files() {
    return files;
  }

  /** {@return the total size of the files beneath this directory} */
  public long bytes() {
    return bytes;
  }

  /** {@return the length of the longest path below this directory: 0 when empty, 1 for direct entries only} */
  public int height() {
    return height;
  }

  /** {@return the node at {@code relative} components below this directory; this directory for none} */
  public Optional<VfsNode> find(List<String> relative) {
    VfsNode node = this;
    for (String name : relative) {
      if (!(node instanceof VfsDirectory dir)) return Optional.empty();
      node = dir.entries.get(name);
      if (node == null) return Optional.empty();
    }
    return Optional.of(node);
  }

  /**
   * {@return a copy with {@code node} at {@code relative}, creating missing directories on the way and
   * replacing whatever was there}
   *
   * @throws IllegalArgumentException when {@code relative} is empty or passes through a file
   */
  public VfsDirectory with(List<String> relative, VfsNode node) {
    Objects.requireNonNull(node, "node");
    if (relative.isEmpty()) throw new IllegalArgumentException("cannot replace the directory itself");
    String name = relative.get(0);
    TreeMap<String, VfsNode> copy = new TreeMap<>(entries);
    if (relative.size() == 1) {
      VfsPath.checkName(name);
      copy.put(name, node);
    } else {
      VfsNode existing = entries.get(name);
      VfsDirectory child = switch (existing) {
        case null -> {
          VfsPath.checkName(name);
          yield EMPTY;
        }
        case VfsDirectory d -> d;
        case VfsFile f -> throw new IllegalArgumentException("\"" + name + "\" is a file, not a directory");
      };
      copy.put(name, child.with(relative.subList(1, relative.size()), node));
    }
    return build(copy);
  }

  /** {@return a copy without the node at {@code relative}; this directory when there is none} */
  public VfsDirectory without(List<String> relative) {
    if (relative.isEmpty()) throw new IllegalArgumentException("cannot remove the directory itself");
    String name = relative.get(0);
    VfsNode existing = entries.get(name);
    if (existing == null) return this;
    TreeMap<String, VfsNode> copy = new TreeMap<>(entries);
    if (relative.size() == 1) {
      copy.remove(name);
    } else if (existing instanceof VfsDirectory d) {
      VfsDirectory changed = d.without(relative.subList(1, relative.size()));
      if (changed == d) return this;
      copy.put(name, changed);
    } else {
      return this;
    }
    return build(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VfsDirectory other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "VfsDirectory" + entries;
  }
}
