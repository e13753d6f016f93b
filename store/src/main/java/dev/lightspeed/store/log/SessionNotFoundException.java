package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** The universe holds no session with this id (never created, or deleted). */
public final class SessionNotFoundException extends SessionException {
  public SessionNotFoundException(UniverseId universe, SessionId session) {
    super(universe, session, "session \"" + Objects.requireNonNull(session, "session") + "\" not found in universe \""
        + Objects.requireNonNull(universe, "universe") + "\"");
  }
}
