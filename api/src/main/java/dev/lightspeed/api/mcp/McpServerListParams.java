package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Params of {@code mcp/servers/list}: only servers of {@code status} when it is given. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerListParams(McpServerStatus status) {}
