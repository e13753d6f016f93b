package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * A workspace as clients see it: its head snapshot with totals, and the revision a writer passes back as
 * {@code expectedRevision} so a stale update is refused instead of lost.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VfsWorkspaceView(
    String workspaceId,
    String displayName,
    String headSnapshotRef,
    String baseSnapshotRef,
    long files,
    long bytes,
    long revision,
    long createdAtMs,
    long updatedAtMs) {
  public VfsWorkspaceView {
    Fields.required(workspaceId, "workspaceId");
    Fields.required(headSnapshotRef, "headSnapshotRef");
    Fields.unsigned(files, "files");
    Fields.unsigned(bytes, "bytes");
    Fields.unsigned(revision, "revision");
  }
}
