package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Fields;

/** Result of {@code vfs/snapshots/read}: the manifest and its totals; file bodies stay separate blobs. */
public record VfsSnapshotReadResponse(String snapshotRef, JsonNode manifest, long files, long bytes) {
  public VfsSnapshotReadResponse {
    Fields.required(snapshotRef, "snapshotRef");
    Fields.required(manifest, "manifest");
    Fields.unsigned(files, "files");
    Fields.unsigned(bytes, "bytes");
  }
}
