package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A session that is not closed was asked to be deleted; only closed sessions can be deleted. */
public final class SessionNotClosedException extends StoreException {
  private final UniverseId universe;
  private final SessionId session;
  private final SessionLifecycle lifecycle;

  public SessionNotClosedException(UniverseId universe, SessionId session, SessionLifecycle lifecycle) {
    super("cannot delete session \"" + Objects.requireNonNull(session, "session") + "\": it is "
        + Objects.requireNonNull(lifecycle, "lifecycle").wireName() + "; close it first");
    this.universe = Objects.requireNonNull(universe, "universe");
    this.session = session;
    this.lifecycle = lifecycle;
  }

  public UniverseId universe() {
    return universe;
  }

  public SessionId session() {
    return session;
  }

  /** {@return the session's lifecycle when the delete was refused} */
  public SessionLifecycle lifecycle() {
    return lifecycle;
  }
}
