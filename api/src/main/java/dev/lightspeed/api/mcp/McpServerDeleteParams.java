package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code mcp/servers/delete}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record McpServerDeleteParams(String serverId) {
  public McpServerDeleteParams {
    Fields.required(serverId, "serverId");
  }
}
