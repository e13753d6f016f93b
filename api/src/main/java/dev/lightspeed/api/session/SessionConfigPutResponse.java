package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/config/put}: the session with its new config and revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionConfigPutResponse(SessionView session) {
  public SessionConfigPutResponse {
    Fields.required(session, "session");
  }
}
