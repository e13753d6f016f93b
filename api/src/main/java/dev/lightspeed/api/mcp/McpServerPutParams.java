package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code mcp/servers/put}: the whole record; {@code expectedRevision} is checked only when the server exists. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpServerPutParams(McpServerInput server, Long expectedRevision) {
  public McpServerPutParams {
    Fields.required(server, "server");
    Fields.unsigned(expectedRevision, "expectedRevision");
  }
}
