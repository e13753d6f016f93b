package dev.lightspeed.bench;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshot;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.vfs.LinkAccess;
import dev.lightspeed.tools.vfs.LinkTarget;
import dev.lightspeed.tools.vfs.VfsFileSystem;
import dev.lightspeed.tools.vfs.WorkspaceLink;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local directory brought into the virtual file system the way a session would see a repository: every file
 * put as a blob, the tree committed as a snapshot (with the limits and blob checks), a workspace created at it,
 * and a {@link VfsFileSystem} linking that workspace read-only at {@link #MOUNT}.
 */
final class VfsTree {
  static final VfsPath MOUNT = VfsPath.parse("/workspace");
  static final WorkspaceId WORKSPACE = WorkspaceId.of("grep-bench");

  private VfsTree() {}

  /** {@return a file system showing {@code dir} at {@link #MOUNT}, stored in {@code blobs} and {@code workspaces}} */
  static VfsFileSystem link(Path dir, UniverseId universe, BlobStore blobs, WorkspaceStore workspaces) {
    Snapshots snapshots = new Snapshots(blobs);
    Snapshot snapshot = snapshots.commit(universe, new Manifest(ManifestBuilder.build(TreeUpload.put(dir, blobs, universe))));
    workspaces.create(universe, WORKSPACE, snapshot.summary(), Optional.empty());
    WorkspaceLink link = new WorkspaceLink(MOUNT, new LinkTarget.Workspace(WORKSPACE), LinkAccess.READ_ONLY);
    return new VfsFileSystem(universe, List.of(link), workspaces, snapshots);
  }
}
