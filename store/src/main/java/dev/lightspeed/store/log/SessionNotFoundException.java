package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** The universe holds no session with this id (never created, or deleted). */
public final class SessionNotFoundException extends StoreException {
  private final UniverseId universe;
  private final SessionId session;

  public SessionNotFoundException(UniverseId universe, SessionId session) {
    super("session \"" + Objects.requireNonNull(session, "session") + "\" not found in universe \""
        + Objects.requireNonNull(universe, "universe") + "\"");
    this.universe = universe;
    this.session = session;
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionId session() {
    return session;
  }
}
