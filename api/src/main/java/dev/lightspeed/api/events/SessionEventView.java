package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code SessionEventView}: one entry of a session's event log. {@code kind} is the
 * {@code SessionEventKindView} union (about fifty {@code type}-tagged variants), kept as a tree the server
 * builds; {@link #type()} reads its tag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionEventView(
    EventCursor cursor, String sessionId, long observedAtMs, EventJoinsView joins, ObjectNode kind) {
  public SessionEventView {
    Fields.required(cursor, "cursor");
    Fields.required(sessionId, "sessionId");
    Fields.unsigned(observedAtMs, "observedAtMs");
    Fields.required(joins, "joins");
    Fields.required(kind, "kind");
  }

  /** {@return the event kind's {@code type} tag, e.g. {@code "runCompleted"}} */
  @JsonIgnore
  public String type() {
    return kind.path("type").asText();
  }
}
