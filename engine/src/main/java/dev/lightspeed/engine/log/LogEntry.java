package dev.lightspeed.engine.log;

import java.util.Objects;

/**
 * One committed entry of a session's event log. Sequence numbers start at 1 and are contiguous; the
 * session's state is the fold of its entries in sequence order.
 */
public record LogEntry(long seq, long observedAtMs, Joins joins, EventEnvelope event) {
  public LogEntry {
    if (seq < 1) throw new IllegalArgumentException("seq < 1: " + seq);
    Objects.requireNonNull(joins, "joins");
    Objects.requireNonNull(event, "event");
  }

  /** {@return this entry without its sequence number, for comparing a retried append with what is stored} */
  public NewEntry unsequenced() {
    return new NewEntry(observedAtMs, joins, event);
  }
}
