package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code vfs/workspaces/read}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VfsWorkspaceReadParams(String workspaceId) {
  public VfsWorkspaceReadParams {
    Fields.required(workspaceId, "workspaceId");
  }
}
