package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/** A committed, immutable tree: the ref of its manifest blob (its identity) and the manifest itself. */
public record Snapshot(BlobRef ref, Manifest manifest) {
  public Snapshot {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(manifest, "manifest");
  }

  /** {@return the ref and totals, which is what a workspace head records} */
  public SnapshotSummary summary() {
    return new SnapshotSummary(ref, manifest.files(), manifest.bytes());
  }
}
