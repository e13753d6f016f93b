package dev.lightspeed.tools.vfs;

import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshot;
import dev.lightspeed.store.vfs.SnapshotLimitException;
import dev.lightspeed.store.vfs.VfsDirectory;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.VfsNode;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceConflictException;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import dev.lightspeed.tools.fs.Commit;
import dev.lightspeed.tools.fs.DirEntry;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.fs.FsError;
import dev.lightspeed.tools.fs.FsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The {@link FileSession} of a {@link VfsFileSystem}: edits trees in memory and commits them at the end. */
final class VfsSession implements FileSession {
  private final VfsFileSystem fs;
  private final Map<WorkspaceLink, Mount> mounts = new LinkedHashMap<>();

  /** A link as this session sees it: the tree it read and the tree after this session's edits. */
  private static final class Mount {
    final WorkspaceLink link;
    long revision;
    VfsDirectory base;
    VfsDirectory current;

    Mount(WorkspaceLink link, long revision, VfsDirectory base) {
      this.link = link;
      this.revision = revision;
      this.base = base;
      this.current = base;
    }
  }

  VfsSession(VfsFileSystem fs) {
    this.fs = fs;
  }

  @Override
  public VfsPath workingDirectory() {
    return fs.workingDirectory();
  }

  @Override
  public Optional<FileStat> stat(VfsPath path) {
    if (leadsToLink(path)) return Optional.of(FileStat.DIRECTORY);
    WorkspaceLink link = fs.route(path).orElseThrow(() -> outside(path));
    return mount(link).current.find(path.relativeTo(link.path())).map(VfsSession::stat);
  }

  @Override
  public byte[] read(VfsPath path) {
    VfsFile file = switch (node(path)) {
      case VfsFile f -> f;
      case VfsDirectory d -> throw new FsException(FsError.IS_A_DIRECTORY, path + " is a directory, not a file");
    };
    try {
      return fs.snapshots().blobs().read(fs.universe(), file.ref());
    } catch (StoreException e) {
      throw new FsException(FsError.IO, "cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<DirEntry> list(VfsPath path) {
    TreeMap<String, DirEntry> entries = new TreeMap<>();
    Optional<WorkspaceLink> link = fs.route(path);
    boolean leads = leadsToLink(path);
    if (link.isEmpty() && !leads) throw outside(path);
    if (link.isPresent()) {
      Optional<VfsNode> node = mount(link.get()).current.find(path.relativeTo(link.get().path()));
      switch (node.orElse(null)) {
        case null -> {
          if (!leads) throw new FsException(FsError.NOT_FOUND, "directory not found: " + path);
        }
        case VfsFile f -> {
          if (!leads) throw new FsException(FsError.NOT_A_DIRECTORY, path + " is a file, not a directory");
        }
        case VfsDirectory d -> d.entries().forEach((name, child) -> entries.put(name, new DirEntry(name, stat(child))));
      }
    }
    for (WorkspaceLink below : fs.linksBelow(path)) {
      String name = below.path().segments().get(path.depth());
      entries.put(name, new DirEntry(name, FileStat.DIRECTORY));
    }
    return List.copyOf(entries.values());
  }

  @Override
  public void write(VfsPath path, byte[] content) {
    Mount mount = writableMount(path, "write");
    List<String> rel = path.relativeTo(mount.link.path());
    for (int i = 1; i < rel.size(); i++) {
      if (mount.current.find(rel.subList(0, i)).orElse(null) instanceof VfsFile) {
        VfsPath parent = VfsPath.join(mount.link.path(), rel.subList(0, i));
        throw new FsException(FsError.NOT_A_DIRECTORY, "cannot write " + path + ": " + parent + " is a file, not a directory");
      }
    }
    VfsFile written = switch (mount.current.find(rel).orElse(null)) {
      case null -> VfsFile.of(fs.snapshots().blobs().put(fs.universe(), content), content.length);
      case VfsFile f -> f.withContent(fs.snapshots().blobs().put(fs.universe(), content), content.length);
      case VfsDirectory d -> throw new FsException(FsError.IS_A_DIRECTORY, "cannot write " + path + ": it is a directory");
    };
    try {
      fs.snapshots().limits().checkFile(path, content.length);
      VfsDirectory next = mount.current.with(rel, written);
      fs.snapshots().limits().checkTotals(next);
      mount.current = next;
    } catch (SnapshotLimitException e) {
      throw new FsException(FsError.LIMIT_EXCEEDED, "cannot write " + path + ": " + e.getMessage() + " (" + mount.link.describe() + ")", e);
    }
  }

  @Override
  public void delete(VfsPath path) {
    Mount mount = writableMount(path, "delete");
    List<String> rel = path.relativeTo(mount.link.path());
    switch (mount.current.find(rel).orElse(null)) {
      case null -> throw FsException.notFound(path);
      case VfsDirectory d -> throw new FsException(FsError.IS_A_DIRECTORY, "cannot delete " + path + ": it is a directory");
      case VfsFile f -> mount.current = mount.current.without(rel);
    }
  }

  @Override
  public List<Commit> commit() {
    List<Commit> done = new ArrayList<>();
    for (Mount mount : mounts.values()) {
      if (mount.current.equals(mount.base) || !(mount.link.target() instanceof LinkTarget.Workspace target)) continue;
      try {
        Snapshot snapshot = fs.snapshots().commitDerived(fs.universe(), new Manifest(mount.current));
        Workspace moved = fs.workspaces().update(fs.universe(), target.id(), WorkspaceUpdate.moveHead(mount.revision, snapshot.summary()));
        mount.base = mount.current;
        mount.revision = moved.revision();
        done.add(new Commit(mount.link.path(), target.id(), moved.revision(), snapshot.ref()));
      } catch (WorkspaceConflictException e) {
        throw new FsException(FsError.CONFLICT, "conflict: the changes under " + mount.link.path() + " were not saved: "
            + e.getMessage() + committedBefore(done), e);
      } catch (StoreException e) {
        throw new FsException(FsError.IO, "cannot save the changes under " + mount.link.path() + ": " + e.getMessage() + committedBefore(done), e);
      }
    }
    return List.copyOf(done);
  }

  private static String committedBefore(List<Commit> done) {
    if (done.isEmpty()) return "";
    return " (the changes under " + done.stream().map(c -> c.link().toString()).collect(Collectors.joining(", ")) + " were saved)";
  }

  private VfsNode node(VfsPath path) {
    if (leadsToLink(path)) return VfsDirectory.EMPTY;
    WorkspaceLink link = fs.route(path).orElseThrow(() -> outside(path));
    return mount(link).current.find(path.relativeTo(link.path())).orElseThrow(() -> FsException.notFound(path));
  }

  private Mount writableMount(VfsPath path, String verb) {
    if (leadsToLink(path)) throw new FsException(FsError.IS_A_DIRECTORY, "cannot " + verb + " " + path + ": it is a directory");
    WorkspaceLink link = fs.route(path).orElseThrow(() -> outside(path));
    if (path.equals(link.path())) throw new FsException(FsError.IS_A_DIRECTORY, "cannot " + verb + " " + path + ": it is a directory");
    if (!link.writable()) {
      String why = switch (link.target()) {
        case LinkTarget.Snapshot s -> link.path() + " is a snapshot, which cannot be changed";
        case LinkTarget.Workspace w -> link.path() + " is linked read-only";
      };
      throw new FsException(FsError.PERMISSION_DENIED, "permission denied: cannot " + verb + " " + path + ": " + why);
    }
    return mount(link);
  }

  /** {@return true when {@code path} is a link's path or a directory above one} */
  private boolean leadsToLink(VfsPath path) {
    return !fs.linksBelow(path).isEmpty() || (fs.route(path).map(l -> l.path().equals(path)).orElse(false));
  }

  /** Synchronized: a search's parallel reads may be the first to reach a link. */
  private synchronized Mount mount(WorkspaceLink link) {
    Mount loaded = mounts.get(link);
    if (loaded != null) return loaded;
    try {
      Mount mount = switch (link.target()) {
        case LinkTarget.Workspace w -> {
          Workspace ws = fs.workspaces().find(fs.universe(), w.id()).orElseThrow(() -> new FsException(FsError.NOT_FOUND,
              "workspace " + w.id() + " linked at " + link.path() + " does not exist"));
          yield new Mount(link, ws.revision(), fs.snapshots().read(fs.universe(), ws.head().ref()).manifest().root());
        }
        case LinkTarget.Snapshot s -> new Mount(link, 0, fs.snapshots().read(fs.universe(), s.ref()).manifest().root());
      };
      mounts.put(link, mount);
      return mount;
    } catch (StoreException e) {
      throw new FsException(FsError.IO, "cannot open " + link.describe() + ": " + e.getMessage(), e);
    }
  }

  private FsException outside(VfsPath path) {
    String roots = fs.links().stream().map(l -> l.path().toString()).collect(Collectors.joining(", "));
    return new FsException(FsError.INVALID_PATH, "path " + path + " is outside every linked root"
        + (roots.isEmpty() ? " (nothing is linked)" : " (linked: " + roots + ")"));
  }

  private static FileStat stat(VfsNode node) {
    return switch (node) {
      case VfsFile f -> FileStat.file(f.size());
      case VfsDirectory d -> FileStat.DIRECTORY;
    };
  }
}
