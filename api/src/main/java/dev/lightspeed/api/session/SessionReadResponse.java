package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/read}: the projected session. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionReadResponse(SessionView session) {
  public SessionReadResponse {
    Fields.required(session, "session");
  }
}
