package dev.lightspeed.store.vfs;

import dev.lightspeed.store.UniverseId;

/** The universe holds no workspace with this id (it never existed or was deleted). */
public final class WorkspaceNotFoundException extends WorkspaceException {
  public WorkspaceNotFoundException(UniverseId universe, WorkspaceId workspace) {
    super(universe, workspace, "workspace not found: " + workspace);
  }
}
