package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code vfs/snapshots/read}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VfsSnapshotReadParams(String snapshotRef) {
  public VfsSnapshotReadParams {
    Fields.required(snapshotRef, "snapshotRef");
  }
}
