package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;

/** Result of {@code vfs/workspaces/read}: the workspace. */
public record VfsWorkspaceReadResponse(VfsWorkspaceView workspace) {
  public VfsWorkspaceReadResponse {
    Fields.required(workspace, "workspace");
  }
}
