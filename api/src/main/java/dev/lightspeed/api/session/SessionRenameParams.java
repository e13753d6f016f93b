package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code session/rename}: the new display name; absent or null clears it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRenameParams(String sessionId, String displayName) {
  public SessionRenameParams {
    Fields.required(sessionId, "sessionId");
  }
}
