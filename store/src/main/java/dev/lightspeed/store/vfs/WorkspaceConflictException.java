package dev.lightspeed.store.vfs;

import dev.lightspeed.store.UniverseId;

/**
 * An update named a revision the workspace has moved past: someone else wrote first. Nothing was changed. The
 * message is written for whoever made the change, a model included: re-read what you changed and try again.
 */
public final class WorkspaceConflictException extends WorkspaceException {
  private final long expectedRevision;
  private final long actualRevision;

  public WorkspaceConflictException(UniverseId universe, WorkspaceId workspace, long expectedRevision, long actualRevision) {
    super(universe, workspace, "workspace " + workspace + " changed while this write was prepared: it was at revision "
        + expectedRevision + " and is now at revision " + actualRevision
        + "; nothing was written. Re-read the files and apply the change again.");
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  public long expectedRevision() {
    return expectedRevision;
  }

  /** {@return the workspace's revision when the update was refused} */
  public long actualRevision() {
    return actualRevision;
  }
}
