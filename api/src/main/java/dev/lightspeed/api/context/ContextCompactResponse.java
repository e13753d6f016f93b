package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.session.SessionView;

/** Result of {@code session/context/compact}: the session after compaction was requested. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextCompactResponse(SessionView session) {
  public ContextCompactResponse {
    Fields.required(session, "session");
  }
}
