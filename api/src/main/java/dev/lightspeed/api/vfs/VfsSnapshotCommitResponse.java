package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;

/** Result of {@code vfs/snapshots/commit}: the content-addressed snapshot ref and its totals. */
public record VfsSnapshotCommitResponse(String snapshotRef, long files, long bytes) {
  public VfsSnapshotCommitResponse {
    Fields.required(snapshotRef, "snapshotRef");
    Fields.unsigned(files, "files");
    Fields.unsigned(bytes, "bytes");
  }
}
