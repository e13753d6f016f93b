package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A session was created with an id the universe already holds. */
public final class SessionExistsException extends StoreException {
  private final UniverseId universe;
  private final SessionId session;

  public SessionExistsException(UniverseId universe, SessionId session) {
    super("session \"" + Objects.requireNonNull(session, "session") + "\" already exists in universe \""
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
