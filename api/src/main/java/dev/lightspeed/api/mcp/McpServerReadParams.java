package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/** Params of {@code mcp/servers/read}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record McpServerReadParams(String serverId) {
  public McpServerReadParams {
    Fields.required(serverId, "serverId");
  }
}
