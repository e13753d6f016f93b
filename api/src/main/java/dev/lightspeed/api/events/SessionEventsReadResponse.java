package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * Result of {@code session/events/read}: a page of events. {@code nextCursor} is where to continue,
 * {@code headCursor} the log's newest position, {@code complete} whether the page reached the head, and
 * {@code gap} set when retained history no longer reaches back to the requested position.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEventsReadResponse(
    List<SessionEventView> events,
    EventCursor nextCursor,
    EventCursor headCursor,
    boolean complete,
    EventLogGap gap) {
  public SessionEventsReadResponse {
    events = Fields.listOrEmpty(events, "events");
  }
}
