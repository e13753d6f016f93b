package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Params of {@code vfs/workspaces/create}; without a snapshot the workspace starts empty, without an id the server picks one. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VfsWorkspaceCreateParams(String workspaceId, String displayName, String snapshotRef) {}
