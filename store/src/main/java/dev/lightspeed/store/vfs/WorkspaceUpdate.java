package dev.lightspeed.store.vfs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change to a workspace: a new head snapshot, optionally a new display name, and the revision the change was
 * decided against. Without an expected revision the update applies to whatever the workspace holds, which is
 * only right for callers that mean to overwrite (an operator resetting a workspace); tools always pass one.
 */
public record WorkspaceUpdate(OptionalLong expectedRevision, SnapshotSummary head, Optional<String> displayName) {
  public WorkspaceUpdate {
    Objects.requireNonNull(expectedRevision, "expectedRevision");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** {@return an update moving the head to {@code head} if the workspace is still at {@code expectedRevision}} */
  public static WorkspaceUpdate moveHead(long expectedRevision, SnapshotSummary head) {
    return new WorkspaceUpdate(OptionalLong.of(expectedRevision), head, Optional.empty());
  }
}
