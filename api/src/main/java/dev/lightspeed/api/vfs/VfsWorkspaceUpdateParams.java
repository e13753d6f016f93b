package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code vfs/workspaces/update}: move the head to an existing snapshot (and rename). Pass the
 * {@code expectedRevision} of a read so a concurrent writer's change is never silently overwritten.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VfsWorkspaceUpdateParams(String workspaceId, String snapshotRef, Long expectedRevision, String displayName) {
  public VfsWorkspaceUpdateParams {
    Fields.required(workspaceId, "workspaceId");
    Fields.required(snapshotRef, "snapshotRef");
    Fields.unsigned(expectedRevision, "expectedRevision");
  }
}
