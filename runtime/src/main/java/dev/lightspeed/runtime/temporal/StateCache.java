package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Session states a worker folded recently, so rebuilding a turn's request reads only the log entries
 * appended since the last one instead of the whole log. Bounded (least recently used out); thread-safe.
 */
final class StateCache {
  private static final int PAGE_SIZE = 1_000;

  private final SessionLog log;
  private final Map<String, SessionState> states;

  StateCache(SessionLog log, int capacity) {
    this.log = log;
    this.states = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, SessionState> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * {@return the session's state folded up to exactly {@code head}}
   *
   * @throws IllegalStateException when the log is shorter than {@code head}
   */
  SessionState at(UniverseId universe, SessionId session, long head) {
    String key = universe.value() + "/" + session.value();
    SessionState cached;
    synchronized (states) {
      cached = states.get(key);
    }
    SessionState state = cached != null && cached.head() <= head ? cached : SessionState.INITIAL;
    while (state.head() < head) {
      LogPage page = log.readAfter(universe, session, state.head(), (int) Math.min(PAGE_SIZE, head - state.head()));
      if (page.entries().isEmpty()) throw new IllegalStateException("the log of " + key + " ends at " + state.head() + ", before " + head);
      for (LogEntry entry : page.entries()) {
        if (entry.seq() > head) break;
        state = Replay.apply(state, entry);
      }
    }
    synchronized (states) {
      SessionState now = states.get(key);
      if (now == null || now.head() <= state.head()) states.put(key, state);
    }
    return state;
  }

  /** {@return the session's whole log folded} */
  SessionState latest(UniverseId universe, SessionId session) {
    return at(universe, session, log.head(universe, session));
  }
}
