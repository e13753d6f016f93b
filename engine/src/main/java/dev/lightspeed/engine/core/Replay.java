package dev.lightspeed.engine.core;

import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.EventDecodeException;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.session.SessionState;

/** Applies committed log entries to state, checking the log's invariants as it goes. */
public final class Replay {
  private Replay() {}

  /**
   * {@return the state after {@code entry}}
   *
   * @throws LogCorruptionException when the entry's seq does not follow the state's head, its event cannot
   *     be decoded, or it cannot apply
   */
  public static SessionState apply(SessionState state, LogEntry entry) {
    if (entry.seq() != state.head() + 1) {
      throw new LogCorruptionException(entry.seq(), "expected seq " + (state.head() + 1) + " after " + state.head(), null);
    }
    Event event;
    try {
      event = EventCodec.decode(entry.event());
    } catch (EventDecodeException e) {
      throw new LogCorruptionException(entry.seq(), e.getMessage(), e);
    }
    return applyDecoded(state, entry.seq(), event);
  }

  /** Applies an already-typed event committed at {@code seq}. */
  public static SessionState applyDecoded(SessionState state, long seq, Event event) {
    if (seq != state.head() + 1) {
      throw new LogCorruptionException(seq, "expected seq " + (state.head() + 1) + " after " + state.head(), null);
    }
    try {
      return Evolve.apply(state, event).withHead(seq);
    } catch (IllegalStateException e) {
      throw new LogCorruptionException(seq, event.kind() + " cannot apply: " + e.getMessage(), e);
    }
  }

  /** {@return the state after every entry, from the initial state} */
  public static SessionState fold(Iterable<LogEntry> entries) {
    return fold(SessionState.INITIAL, entries);
  }

  public static SessionState fold(SessionState from, Iterable<LogEntry> entries) {
    SessionState s = from;
    for (LogEntry e : entries) s = apply(s, e);
    return s;
  }
}
