package dev.lightspeed.store.vfs.memory;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceExistsException;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceRules;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link WorkspaceStore} in memory, for tests and the in-process runner. A strict fake: stale revisions
 * conflict with the same exception and message as the durable store, and time comes from the injected clock.
 * Safe for concurrent use; updates are atomic per workspace.
 */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
  private final InstantSource clock;
  private final Map<UniverseId, Map<WorkspaceId, Workspace>> universes = new ConcurrentHashMap<>();

  public InMemoryWorkspaceStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public InMemoryWorkspaceStore() {
    this(InstantSource.system());
  }

  @Override
  public Workspace create(UniverseId universe, WorkspaceId id, SnapshotSummary head, Optional<String> displayName) {
    Objects.requireNonNull(id, "id");
    Workspace created = WorkspaceRules.created(id, head, displayName, clock.millis());
    if (workspaces(universe).putIfAbsent(id, created) != null) throw new WorkspaceExistsException(universe, id);
    return created;
  }

  @Override
  public Optional<Workspace> find(UniverseId universe, WorkspaceId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(workspaces(universe).get(id));
  }

  @Override
  public List<Workspace> list(UniverseId universe) {
    return workspaces(universe).values().stream().sorted(Comparator.comparing(Workspace::id)).toList();
  }

  @Override
  public Workspace update(UniverseId universe, WorkspaceId id, WorkspaceUpdate update) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(update, "update");
    Workspace updated = workspaces(universe).computeIfPresent(id,
        (key, current) -> WorkspaceRules.apply(universe, current, update, clock.millis()));
    if (updated == null) throw new WorkspaceNotFoundException(universe, id);
    return updated;
  }

  @Override
  public Workspace delete(UniverseId universe, WorkspaceId id) {
    Objects.requireNonNull(id, "id");
    Workspace removed = workspaces(universe).remove(id);
    if (removed == null) throw new WorkspaceNotFoundException(universe, id);
    return removed;
  }

  private Map<WorkspaceId, Workspace> workspaces(UniverseId universe) {
    Objects.requireNonNull(universe, "universe");
    return universes.computeIfAbsent(universe, u -> new ConcurrentHashMap<>());
  }
}
