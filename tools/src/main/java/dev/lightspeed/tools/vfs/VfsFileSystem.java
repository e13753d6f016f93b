package dev.lightspeed.tools.vfs;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileSystem;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session's virtual file system: workspaces and snapshots linked at paths of one namespace. A path belongs to
 * the link with the deepest path that contains it; paths under no link are refused, except the directories
 * leading to links, which list the links below them. Only workspaces linked read-write can be written.
 *
 * <p>Each {@link #open() session} reads a workspace's head the first time it touches the link and publishes
 * its writes with {@link FileSession#commit()}: one new snapshot per touched workspace, moved in with a
 * compare-and-swap on the revision it read. A concurrent writer who got there first makes the commit fail
 * with {@link dev.lightspeed.tools.fs.FsError#CONFLICT}; nothing is lost or overwritten. Safe for concurrent
 * use.
 */
public final class VfsFileSystem implements FileSystem {
  private final UniverseId universe;
  private final List<WorkspaceLink> links;
  private final List<WorkspaceLink> deepestFirst;
  private final WorkspaceStore workspaces;
  private final Snapshots snapshots;

  /** @throws IllegalArgumentException when two links share a path */
  public VfsFileSystem(UniverseId universe, List<WorkspaceLink> links, WorkspaceStore workspaces, Snapshots snapshots) {
    this.universe = Objects.requireNonNull(universe, "universe");
    this.links = List.copyOf(links);
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    Set<VfsPath> seen = new HashSet<>();
    for (WorkspaceLink link : this.links) {
      if (!seen.add(link.path())) throw new IllegalArgumentException("two workspace links at " + link.path());
    }
    this.deepestFirst = this.links.stream()
        .sorted(Comparator.comparingInt((WorkspaceLink l) -> l.path().depth()).reversed()).toList();
  }

  /** {@return the links, in configuration order} */
  public List<WorkspaceLink> links() {
    return links;
  }

  /** {@return the path of the first writable link, else {@code /}} */
  @Override
  public VfsPath workingDirectory() {
    return links.stream().filter(WorkspaceLink::writable).map(WorkspaceLink::path).findFirst().orElse(VfsPath.ROOT);
  }

  @Override
  public FileSession open() {
    return new VfsSession(this);
  }

  UniverseId universe() {
    return universe;
  }

  WorkspaceStore workspaces() {
    return workspaces;
  }

  Snapshots snapshots() {
    return snapshots;
  }

  /** {@return the link {@code path} belongs to: the deepest one containing it} */
  Optional<WorkspaceLink> route(VfsPath path) {
    for (WorkspaceLink link : deepestFirst) {
      if (path.startsWith(link.path())) return Optional.of(link);
    }
    return Optional.empty();
  }

  /** {@return the links strictly below {@code dir}} */
  List<WorkspaceLink> linksBelow(VfsPath dir) {
    return links.stream().filter(l -> l.path().depth() > dir.depth() && l.path().startsWith(dir)).toList();
  }
}
