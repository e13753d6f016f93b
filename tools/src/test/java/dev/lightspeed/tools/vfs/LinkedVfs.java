package dev.lightspeed.tools.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.VfsLimits;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.memory.InMemoryWorkspaceStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A VFS with several links for routing and permission tests: workspace {@code main} read-write at
 * {@code /workspace}, workspace {@code lib} read-only at {@code /workspace/vendor} and again at {@code /ro},
 * and a snapshot (linked "read-write", which a snapshot cannot be) at {@code /refs}.
 */
final class LinkedVfs {
  static final UniverseId U = UniverseId.DEFAULT;
  static final WorkspaceId MAIN = WorkspaceId.of("main");
  static final WorkspaceId LIB = WorkspaceId.of("lib");

  final InMemoryBlobStore blobs = new InMemoryBlobStore();
  final InMemoryWorkspaceStore workspaces = new InMemoryWorkspaceStore();
  final Snapshots snapshots;
  final BlobRef refSnapshot;
  final VfsFileSystem fs;

  LinkedVfs() {
    this(VfsLimits.DEFAULT);
  }

  LinkedVfs(VfsLimits limits) {
    snapshots = new Snapshots(blobs, limits);
    workspaces.create(U, MAIN, snapshots.commit(U, manifest(Map.of("README.md", "# main\n", "src/a.txt", "alpha\n"))).summary(), Optional.empty());
    workspaces.create(U, LIB, snapshots.commit(U, manifest(Map.of("lib.txt", "library\n"))).summary(), Optional.empty());
    refSnapshot = snapshots.commit(U, manifest(Map.of("ref.txt", "reference\n"))).ref();
    fs = new VfsFileSystem(U, List.of(
        link("/workspace", new LinkTarget.Workspace(MAIN), LinkAccess.READ_WRITE),
        link("/workspace/vendor", new LinkTarget.Workspace(LIB), LinkAccess.READ_ONLY),
        link("/refs", new LinkTarget.Snapshot(refSnapshot), LinkAccess.READ_WRITE),
        link("/ro", new LinkTarget.Workspace(LIB), LinkAccess.READ_ONLY)), workspaces, snapshots);
  }

  static WorkspaceLink link(String path, LinkTarget target, LinkAccess access) {
    return new WorkspaceLink(VfsPath.parse(path), target, access);
  }

  Manifest manifest(Map<String, String> files) {
    VfsDirectory tree = VfsDirectory.EMPTY;
    for (var e : new TreeMap<>(files).entrySet()) {
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      tree = tree.with(VfsPath.parse("/" + e.getKey()).segments(), VfsFile.of(blobs.put(U, bytes), bytes.length));
    }
    return new Manifest(tree);
  }
}
