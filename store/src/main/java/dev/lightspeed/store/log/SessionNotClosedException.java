package dev.lightspeed.store.log;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A session that is not closed was asked to be deleted; only closed sessions can be deleted. */
public final class SessionNotClosedException extends SessionException {
  private final SessionLifecycle lifecycle;

  public SessionNotClosedException(UniverseId universe, SessionId session, SessionLifecycle lifecycle) {
    super(universe, session, "cannot delete session \"" + Objects.requireNonNull(session, "session") + "\": it is "
        + Objects.requireNonNull(lifecycle, "lifecycle").wireName() + "; close it first");
    this.lifecycle = lifecycle;
  }

  /** {@return the session's lifecycle when the delete was refused} */
  public SessionLifecycle lifecycle() {
    return lifecycle;
  }
}
