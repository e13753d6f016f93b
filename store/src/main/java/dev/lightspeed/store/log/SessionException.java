package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A session-log failure about one session: it names the universe and session it concerns. */
public abstract class SessionException extends StoreException {
  private final UniverseId universe;
  private final SessionId session;

  protected SessionException(UniverseId universe, SessionId session, String message) {
    super(message);
    this.universe = Objects.requireNonNull(universe, "universe");
    this.session = Objects.requireNonNull(session, "session");
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionId session() {
    return session;
  }
}
