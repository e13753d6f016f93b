package dev.lightspeed.engine.log;

import java.util.Objects;

/**
 * An entry waiting to be appended: everything but the sequence number, which the store assigns. The
 * observation time comes from the host (workflow time), so a retried append carries identical entries.
 */
public record NewEntry(long observedAtMs, Joins joins, EventEnvelope event) {
  public NewEntry {
    Objects.requireNonNull(joins, "joins");
    Objects.requireNonNull(event, "event");
  }

  public LogEntry at(long seq) {
    return new LogEntry(seq, observedAtMs, joins, event);
  }
}
