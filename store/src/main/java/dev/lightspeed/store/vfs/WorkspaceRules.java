package dev.lightspeed.store.vfs;

import dev.lightspeed.store.UniverseId;
import java.util.Objects;
import java.util.Optional;

/** The rules every {@link WorkspaceStore} applies, in one place so backends cannot drift apart. */
public final class WorkspaceRules {
  private WorkspaceRules() {}

  /** {@return a new workspace at {@code head}, created and updated at {@code nowMs}} */
  public static Workspace created(WorkspaceId id, SnapshotSummary head, Optional<String> displayName, long nowMs) {
    return new Workspace(id, head, Workspace.FIRST_REVISION, head.ref(), displayName, nowMs, nowMs);
  }

  /**
   * {@return {@code current} after {@code update} at {@code nowMs}}
   *
   * @throws WorkspaceConflictException when the update expects another revision than {@code current}'s
   */
  public static Workspace apply(UniverseId universe, Workspace current, WorkspaceUpdate update, long nowMs) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(update, "update");
    if (update.expectedRevision().isPresent() && update.expectedRevision().getAsLong() != current.revision()) {
      throw new WorkspaceConflictException(universe, current.id(), update.expectedRevision().getAsLong(), current.revision());
    }
    Optional<String> name = update.displayName().isPresent() ? update.displayName() : current.displayName();
    return new Workspace(current.id(), update.head(), current.revision() + 1, current.base(), name,
        current.createdAtMs(), Math.max(nowMs, current.updatedAtMs()));
  }
}
