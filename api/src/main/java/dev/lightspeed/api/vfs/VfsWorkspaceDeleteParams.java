package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code vfs/workspaces/delete}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VfsWorkspaceDeleteParams(String workspaceId) {
  public VfsWorkspaceDeleteParams {
    Fields.required(workspaceId, "workspaceId");
  }
}
