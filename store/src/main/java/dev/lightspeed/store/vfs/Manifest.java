package dev.lightspeed.store.vfs;

import java.util.Objects;
import java.util.Optional;

/**
 * The content of a snapshot: a directory tree whose files point at blobs. A manifest is stored as one blob
 * (see {@link ManifestCodec}) and the ref of that blob is the snapshot's identity, so equal trees are one
 * snapshot. It carries no limits of its own; {@link VfsLimits#check} decides what a store accepts.
 */
public record Manifest(VfsDirectory root) {
  public static final Manifest EMPTY = new Manifest(VfsDirectory.EMPTY);

  public Manifest {
    Objects.requireNonNull(root, "root");
  }

  /** {@return how many files the tree holds} */
  public long files() {
    return root.files();
  }

  /** {@return the total size of the files} */
  public long bytes() {
    return root.bytes();
  }

  /** {@return the number of components of the longest path in the tree} */
  public int depth() {
    return root.height();
  }

  /** {@return the node at {@code path}; the root directory for {@code /}} */
  public Optional<VfsNode> find(VfsPath path) {
    return root.find(path.segments());
  }
}
