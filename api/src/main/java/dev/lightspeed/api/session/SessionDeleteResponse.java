package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/delete}: the deleted session's last summary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDeleteResponse(SessionSummaryView session) {
  public SessionDeleteResponse {
    Fields.required(session, "session");
  }
}
