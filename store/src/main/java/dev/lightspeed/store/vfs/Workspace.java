package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A mutable head over immutable snapshots: the snapshot it points at now and a revision that grows by one with
 * every update, which writers pass back to {@link WorkspaceStore#update} so that a stale write is refused
 * instead of lost. {@code base} is the snapshot the workspace was created from.
 */
public record Workspace(
    WorkspaceId id,
    SnapshotSummary head,
    long revision,
    BlobRef base,
    Optional<String> displayName,
    long createdAtMs,
    long updatedAtMs) {
  /** The revision of a workspace just created. */
  public static final long FIRST_REVISION = 1;

  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(displayName, "displayName");
    if (revision < FIRST_REVISION) throw new IllegalArgumentException("revision < " + FIRST_REVISION + ": " + revision);
  }
}
