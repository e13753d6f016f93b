package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/close}. With {@code force} the active run is cancelled and queued runs dropped
 * instead of the call being rejected; it defaults to false.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionCloseParams(String sessionId, boolean force) {
  public SessionCloseParams {
    Fields.required(sessionId, "sessionId");
  }
}
