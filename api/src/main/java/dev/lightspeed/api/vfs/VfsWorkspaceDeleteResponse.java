package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;

/** Result of {@code vfs/workspaces/delete}: the workspace as it was just before deletion. */
public record VfsWorkspaceDeleteResponse(VfsWorkspaceView workspace) {
  public VfsWorkspaceDeleteResponse {
    Fields.required(workspace, "workspace");
  }
}
