package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The contract's {@code EventLogGap}: reported when the requested position is older than what the log
 * retains, so the client knows events were skipped and where reading resumed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventLogGap(EventCursor requestedAfter, EventCursor retainedAfter, EventCursor nextCursor) {}
