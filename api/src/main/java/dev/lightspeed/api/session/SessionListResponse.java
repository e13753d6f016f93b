package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * Result of {@code session/list}: one page of summaries, most recently updated first; {@code nextCursor} is
 * present when more exist.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionListResponse(List<SessionSummaryView> sessions, String nextCursor) {
  public SessionListResponse {
    sessions = Fields.listOrEmpty(sessions, "sessions");
  }
}
