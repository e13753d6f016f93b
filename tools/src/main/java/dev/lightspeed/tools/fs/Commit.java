package dev.lightspeed.tools.fs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceId;
import java.util.Objects;

/** A workspace a call's writes were published to: where it is linked, its new revision and head snapshot. */
public record Commit(VfsPath link, WorkspaceId workspace, long revision, BlobRef snapshot) {
  public Commit {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
