package dev.lightspeed.store.vfs.fs;

import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.fs.DirectoryLock;
import dev.lightspeed.store.fs.RecordFiles;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceExistsException;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceRules;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link WorkspaceStore} of small files beside the file blob store:
 * {@code <root>/universes/<universe>/workspaces/<id>/workspace.json} (one canonical JSON record; the workspace
 * exists exactly when this file does) and {@code lock}. Every change is made under the workspace's lock and
 * lands by writing a temporary file, forcing it and renaming it over {@code workspace.json}, so readers take
 * no lock and always see a whole record.
 *
 * <p>Safe for concurrent use by threads and by processes sharing the root. A crash can leave {@code .tmp}
 * files, which are never read. Deleting removes the record and keeps the directory with its lock file.
 */
public final class FsWorkspaceStore implements WorkspaceStore {
  private static final String RECORD = "workspace.json";

  private final Path root;
  private final InstantSource clock;

  /** A store under {@code root}, created on first write if absent; timestamps come from {@code clock}. */
  public FsWorkspaceStore(Path root, InstantSource clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** {@return the directory holding the workspaces of {@code universe}} */
  public static Path workspacesDir(Path root, UniverseId universe) {
    return root.resolve("universes").resolve(universe.value()).resolve("workspaces");
  }

  @Override
  public Workspace create(UniverseId universe, WorkspaceId id, SnapshotSummary head, Optional<String> displayName) {
    Path dir = dir(universe, id);
    return DirectoryLock.holding(dir, () -> {
      if (Files.exists(dir.resolve(RECORD))) throw new WorkspaceExistsException(universe, id);
      Workspace created = WorkspaceRules.created(id, head, displayName, clock.millis());
      write(dir, created);
      return created;
    });
  }

  @Override
  public Optional<Workspace> find(UniverseId universe, WorkspaceId id) {
    return read(dir(universe, id));
  }

  @Override
  public List<Workspace> list(UniverseId universe) {
    Path parent = workspacesDir(root, Objects.requireNonNull(universe, "universe"));
    List<Workspace> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
      for (Path dir : dirs) {
        if (WorkspaceId.isValid(dir.getFileName().toString())) read(dir).ifPresent(out::add);
      }
    } catch (NoSuchFileException absent) {
      return List.of();
    } catch (IOException e) {
      throw new StoreIoException("cannot list workspaces in " + parent, e);
    }
    out.sort(Comparator.comparing(Workspace::id));
    return List.copyOf(out);
  }

  @Override
  public Workspace update(UniverseId universe, WorkspaceId id, WorkspaceUpdate update) {
    Objects.requireNonNull(update, "update");
    Path dir = dir(universe, id);
    if (!Files.isDirectory(dir)) throw new WorkspaceNotFoundException(universe, id);
    return DirectoryLock.holding(dir, () -> {
      Workspace current = read(dir).orElseThrow(() -> new WorkspaceNotFoundException(universe, id));
      Workspace updated = WorkspaceRules.apply(universe, current, update, clock.millis());
      write(dir, updated);
      return updated;
    });
  }

  @Override
  public Workspace delete(UniverseId universe, WorkspaceId id) {
    Path dir = dir(universe, id);
    if (!Files.isDirectory(dir)) throw new WorkspaceNotFoundException(universe, id);
    return DirectoryLock.holding(dir, () -> {
      Workspace current = read(dir).orElseThrow(() -> new WorkspaceNotFoundException(universe, id));
      try {
        Files.delete(dir.resolve(RECORD));
      } catch (IOException e) {
        throw new StoreIoException("cannot delete workspace " + id + " in " + dir, e);
      }
      return current;
    });
  }

  private Path dir(UniverseId universe, WorkspaceId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    return workspacesDir(root, universe).resolve(id.value());
  }

  private static Optional<Workspace> read(Path dir) {
    return RecordFiles.read(dir.resolve(RECORD), WorkspaceJson::decode, "workspace");
  }

  private static void write(Path dir, Workspace workspace) {
    RecordFiles.write(dir.resolve(RECORD), WorkspaceJson.encode(workspace), "workspace");
  }
}
