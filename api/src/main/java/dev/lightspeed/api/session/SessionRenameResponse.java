package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/rename}: the renamed session's summary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionRenameResponse(SessionSummaryView session) {
  public SessionRenameResponse {
    Fields.required(session, "session");
  }
}
