package dev.lightspeed.runtime.local;

import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;

/** Rebuilds a session's state by replaying its event log page by page. */
public final class SessionLoader {
  /** Entries read per page while replaying. */
  public static final int PAGE_SIZE = 1_000;

  private SessionLoader() {}

  /**
   * @throws dev.lightspeed.store.log.SessionNotFoundException when the session does not exist
   * @throws dev.lightspeed.engine.core.LogCorruptionException when the log cannot be replayed
   */
  public static SessionState load(SessionLog log, UniverseId universe, SessionId session) {
    SessionState state = SessionState.INITIAL;
    while (true) {
      LogPage page = log.readAfter(universe, session, state.head(), PAGE_SIZE);
      state = Replay.fold(state, page.entries());
      if (page.entries().isEmpty() || !page.hasMore()) return state;
    }
  }
}
