package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/close}: the closed session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionCloseResponse(SessionView session) {
  public SessionCloseResponse {
    Fields.required(session, "session");
  }
}
