package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/events/read}: a page of events after {@code after} (from the start when absent).
 * {@code waitMs} long-polls: with nothing to return the server holds the call up to that long (clamped to
 * its cap) before answering with an empty page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEventsReadParams(String sessionId, EventCursor after, Long limit, Long waitMs) {
  public SessionEventsReadParams {
    Fields.required(sessionId, "sessionId");
    Fields.unsigned(limit, "limit");
    Fields.unsigned(waitMs, "waitMs");
  }
}
