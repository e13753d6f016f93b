package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code vfs/snapshots/commit}: a manifest (the server's documented manifest format) whose file
 * blobs were uploaded first with {@code blobs/put}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VfsSnapshotCommitParams(JsonNode manifest) {
  public VfsSnapshotCommitParams {
    Fields.required(manifest, "manifest");
  }
}
