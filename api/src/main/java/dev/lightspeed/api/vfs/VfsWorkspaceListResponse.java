package dev.lightspeed.api.vfs;

import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code vfs/workspaces/list}: every workspace of the universe, by id. */
public record VfsWorkspaceListResponse(List<VfsWorkspaceView> workspaces) {
  public VfsWorkspaceListResponse {
    workspaces = Fields.listOrEmpty(workspaces, "workspaces");
  }
}
