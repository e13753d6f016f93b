package dev.lightspeed.store.vfs;

import dev.lightspeed.store.UniverseId;

/** A workspace was created under an id the universe already uses. */
public final class WorkspaceExistsException extends WorkspaceException {
  public WorkspaceExistsException(UniverseId universe, WorkspaceId workspace) {
    super(universe, workspace, "workspace already exists: " + workspace);
  }
}
