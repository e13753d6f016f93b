package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/** A snapshot's ref with its file count and total size, so listings need not load manifests. */
public record SnapshotSummary(BlobRef ref, long files, long bytes) {
  public SnapshotSummary {
    Objects.requireNonNull(ref, "ref");
    if (files < 0) throw new IllegalArgumentException("files < 0: " + files);
    if (bytes < 0) throw new IllegalArgumentException("bytes < 0: " + bytes);
  }
}
