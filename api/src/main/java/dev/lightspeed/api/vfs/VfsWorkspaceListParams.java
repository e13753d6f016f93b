package dev.lightspeed.api.vfs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Params of {@code vfs/workspaces/list} (none). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VfsWorkspaceListParams() {}
