package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;

/** Result of {@code vfs/workspaces/create}: the workspace. */
public record VfsWorkspaceCreateResponse(VfsWorkspaceView workspace) {
  public VfsWorkspaceCreateResponse {
    Fields.required(workspace, "workspace");
  }
}
