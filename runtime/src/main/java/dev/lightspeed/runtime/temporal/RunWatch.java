package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;

/**
 * Tells an effect activity whether its run still goes on, from the session log rather than from Temporal:
 * the workflow abandons a cancelled effect without asking the server to cancel the activity, so the log
 * (where the cancellation is recorded first) is what the activity watches. Folds forward privately from
 * the state the effect started at; not thread-safe (one heartbeat thread asks).
 */
final class RunWatch {
  private static final int PAGE = 1_000;

  private final SessionLog log;
  private final UniverseId universe;
  private final SessionId session;
  private final long run;
  private SessionState state;

  RunWatch(SessionLog log, UniverseId universe, SessionId session, long run, SessionState start) {
    this.log = log;
    this.universe = universe;
    this.session = session;
    this.run = run;
    this.state = start;
  }

  /** {@return true when the run is no longer active, or is cancelling} Reads the entries appended since the last ask. */
  boolean ended() {
    while (true) {
      LogPage page = log.readAfter(universe, session, state.head(), PAGE);
      for (LogEntry entry : page.entries()) state = Replay.apply(state, entry);
      if (!page.hasMore()) break;
    }
    return endedIn(state, run);
  }

  static boolean endedIn(SessionState state, long run) {
    Run active = state.runs().active().filter(r -> r.id() == run).orElse(null);
    return active == null || active.status() == RunStatus.CANCELLING;
  }
}
