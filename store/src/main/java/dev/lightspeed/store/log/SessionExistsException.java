package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A session was created with an id the universe already holds. */
public final class SessionExistsException extends SessionException {
  public SessionExistsException(UniverseId universe, SessionId session) {
    super(universe, session, "session \"" + Objects.requireNonNull(session, "session") + "\" already exists in universe \""
        + Objects.requireNonNull(universe, "universe") + "\"");
  }
}
