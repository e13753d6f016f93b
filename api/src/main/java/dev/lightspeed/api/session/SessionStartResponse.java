package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/start}: the created or already existing session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionStartResponse(SessionView session) {
  public SessionStartResponse {
    Fields.required(session, "session");
  }
}
