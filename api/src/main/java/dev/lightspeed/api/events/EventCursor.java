package dev.lightspeed.api.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code EventCursor}: a position in a session's event log. Reading with {@code after} set to
 * a cursor returns the events after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventCursor(long seq) {
  public EventCursor {
    Fields.unsigned(seq, "seq");
  }

  /** Decodes a cursor, telling an absent {@code seq} from zero (a primitive component cannot). */
  @JsonCreator
  static EventCursor decode(@JsonProperty("seq") Long seq) {
    return new EventCursor(Fields.required(seq, "seq"));
  }
}
