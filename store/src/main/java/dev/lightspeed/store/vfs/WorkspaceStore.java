package dev.lightspeed.store.vfs;

import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Optional;

/**
 * The mutable heads of the virtual file system. A workspace points at one snapshot (immutable, in the blob
 * store) and carries a revision: {@link Workspace#FIRST_REVISION} on creation, one more after each update.
 *
 * <p><b>Compare-and-swap.</b> An update names the revision it was decided against. If the workspace is still
 * there, the update applies and the revision grows by one; if not, it fails with
 * {@link WorkspaceConflictException} and nothing changes. Of several racing updates with the same expected
 * revision, exactly one applies. There is no idempotent confirmation: a retried update that already applied
 * conflicts, and the caller re-reads to see whether its change is in.
 *
 * <p><b>Trust.</b> The store records the {@link SnapshotSummary} it is given; it does not read manifests or
 * check that the snapshot exists. Callers commit snapshots through {@link Snapshots} first.
 *
 * <p><b>Threads, processes, universes, time.</b> Implementations are safe for concurrent use (file-system ones
 * across processes sharing a root too). Every method takes the universe first; a universe never sees another's
 * workspaces. {@code createdAtMs} and {@code updatedAtMs} come from the store's clock.
 *
 * <p><b>Left out.</b> No history of past heads (snapshots are the history), no garbage collection of snapshots
 * a workspace no longer points at, no paging of {@link #list}. Failures of the medium are
 * {@link dev.lightspeed.store.StoreIoException}.
 */
public interface WorkspaceStore {

  /**
   * Creates a workspace at {@code head}, which also becomes its base.
   *
   * @throws WorkspaceExistsException when the universe already holds a workspace with this id
   */
  Workspace create(UniverseId universe, WorkspaceId id, SnapshotSummary head, Optional<String> displayName);

  /** {@return the workspace, or empty when the universe holds none with this id} */
  Optional<Workspace> find(UniverseId universe, WorkspaceId id);

  /**
   * {@return the workspace}
   *
   * @throws WorkspaceNotFoundException when the universe holds none with this id
   */
  default Workspace read(UniverseId universe, WorkspaceId id) {
    return find(universe, id).orElseThrow(() -> new WorkspaceNotFoundException(universe, id));
  }

  /** {@return every workspace of the universe, in ascending id order; unmodifiable} */
  List<Workspace> list(UniverseId universe);

  /**
   * Moves the head (and sets the display name when the update carries one), bumping the revision.
   *
   * @return the workspace after the update
   * @throws WorkspaceConflictException when the update expects a revision the workspace is not at
   * @throws WorkspaceNotFoundException when the universe holds no workspace with this id
   */
  Workspace update(UniverseId universe, WorkspaceId id, WorkspaceUpdate update);

  /**
   * Deletes a workspace; its snapshots stay in the blob store. The id can then be created again.
   *
   * @return the workspace as it was just before deletion
   * @throws WorkspaceNotFoundException when the universe holds no workspace with this id
   */
  Workspace delete(UniverseId universe, WorkspaceId id);
}
