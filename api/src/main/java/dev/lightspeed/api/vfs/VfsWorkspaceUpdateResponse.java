package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;

/** Result of {@code vfs/workspaces/update}: the workspace. */
public record VfsWorkspaceUpdateResponse(VfsWorkspaceView workspace) {
  public VfsWorkspaceUpdateResponse {
    Fields.required(workspace, "workspace");
  }
}
