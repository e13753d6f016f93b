package dev.lightspeed.engine.command;

import dev.lightspeed.engine.event.Event;
import java.util.List;
import java.util.Objects;

/** The outcome of admitting a command: the events to append, or a rejection. */
public sealed interface Admission {

  /**
   * Admitted. {@code events} may be empty when the command changes nothing (a retried submission, a no-op
   * upsert). {@code run} is the run the command created or addressed, or 0.
   */
  record Admitted(List<Event> events, long run) implements Admission {
    public Admitted {
      events = List.copyOf(events);
    }
  }

  /** Refused; nothing is appended. */
  record Rejected(Rejection rejection) implements Admission {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
