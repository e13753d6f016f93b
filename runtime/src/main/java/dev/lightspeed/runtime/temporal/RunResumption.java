package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.core.LogCorruptionException;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.runtime.local.SessionLoader;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.SessionException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionSummary;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back the work a stopped process left unfinished. The embedded Temporal server forgets every
 * workflow when the process ends, but the event log remembers which runs were active or queued: their
 * sessions' workflows are started again at once, so those runs carry on without waiting for a user's next
 * call.
 */
public final class RunResumption {
  private static final Logger LOG = LoggerFactory.getLogger(RunResumption.class);

  private RunResumption() {}

  /**
   * Starts the workflows of the (up to {@link SessionLog#MAX_LIMIT} most recently updated) open sessions of
   * {@code universe} that have an active or queued run. {@return how many were started}
   */
  public static int resume(SessionLog log, UniverseId universe, SessionClient sessions) {
    int resumed = 0;
    for (SessionSummary summary : log.list(universe, Set.of(SessionLifecycle.OPEN), SessionLog.MAX_LIMIT)) {
      SessionState state;
      try {
        state = SessionLoader.load(log, universe, summary.id());
      } catch (SessionException | LogCorruptionException e) {
        LOG.warn("session {} cannot be resumed: {}", summary.id().value(), e.getMessage());
        continue;
      }
      if (state.runs().active().isEmpty() && state.runs().queue().isEmpty()) continue;
      sessions.ensureRunning(universe, summary.id());
      resumed++;
    }
    return resumed;
  }
}
