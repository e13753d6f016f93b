package dev.lightspeed.store.vfs;

import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A workspace-store failure about one workspace: it names the universe and workspace it concerns. */
public abstract class WorkspaceException extends StoreException {
  private final UniverseId universe;
  private final WorkspaceId workspace;

  protected WorkspaceException(UniverseId universe, WorkspaceId workspace, String message) {
    super(message);
    this.universe = Objects.requireNonNull(universe, "universe");
    this.workspace = Objects.requireNonNull(workspace, "workspace");
  }

  public UniverseId universe() {
    return universe;
  }

  public WorkspaceId workspace() {
    return workspace;
  }
}
