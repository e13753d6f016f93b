package dev.lightspeed.tools.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.vfs.WorkspaceId;
import java.util.Objects;

/** What a link shows: a workspace (its current head, writable when linked read-write) or a fixed snapshot. */
public sealed interface LinkTarget {
  /** A workspace, read at its head when a call starts. */
  record Workspace(WorkspaceId id) implements LinkTarget {
    public Workspace {
      Objects.requireNonNull(id, "id");
    }
  }

  /** An immutable snapshot. */
  record Snapshot(BlobRef ref) implements LinkTarget {
    public Snapshot {
      Objects.requireNonNull(ref, "ref");
    }
  }
}
