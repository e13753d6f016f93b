package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code mcp/servers/login/complete} (Lightspeed, beyond the contract): the {@code code} and
 * {@code state} the authorization server's redirect carried; the gateway exchanges the code and stores the
 * tokens sealed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record McpServerLoginCompleteParams(String serverId, String state, String code) {
  public McpServerLoginCompleteParams {
    Fields.required(serverId, "serverId");
    Fields.required(state, "state");
    Fields.required(code, "code");
  }
}
