package dev.lightspeed.server.projection;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds sessions from their logs on demand and keeps a few folded positions per recently read session
 * ({@value #CHECKPOINTS_PER_SESSION} positions, {@value #CACHED_SESSIONS} sessions), so a client that
 * follows a session folds only the entries appended since its last read. Safe for concurrent use; two
 * threads may fold the same range at once and keep equal results.
 */
public final class Projections {
  static final int CACHED_SESSIONS = 512;
  static final int CHECKPOINTS_PER_SESSION = 8;
  private static final int PAGE = 1_000;

  private record Key(UniverseId universe, SessionId session) {}

  private final SessionLog log;
  private final Map<Key, TreeMap<Long, Projection>> cache = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, TreeMap<Long, Projection>> eldest) {
      return size() > CACHED_SESSIONS;
    }
  };

  public Projections(SessionLog log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * {@return the session folded up to its current head}
   *
   * @throws dev.lightspeed.store.log.SessionNotFoundException when the session does not exist
   * @throws dev.lightspeed.engine.core.LogCorruptionException when the log cannot be replayed
   */
  public Projection latest(UniverseId universe, SessionId session) {
    return at(universe, session, log.head(universe, session));
  }

  /**
   * {@return the session folded up to entry {@code seq}, or up to its head when the log is shorter}
   *
   * @throws dev.lightspeed.store.log.SessionNotFoundException when the session does not exist
   * @throws dev.lightspeed.engine.core.LogCorruptionException when the log cannot be replayed
   */
  public Projection at(UniverseId universe, SessionId session, long seq) {
    Key key = new Key(universe, session);
    Projection projection = closestAtOrBefore(key, seq);
    while (projection.head() < seq) {
      int limit = (int) Math.min(PAGE, seq - projection.head());
      LogPage page = log.readAfter(universe, session, projection.head(), limit);
      if (page.entries().isEmpty()) break;
      for (LogEntry entry : page.entries()) projection = projection.apply(entry);
    }
    remember(universe, session, projection);
    return projection;
  }

  /** Keeps {@code projection} as a position later reads can start from. */
  public void remember(UniverseId universe, SessionId session, Projection projection) {
    if (projection.head() == 0) return;
    synchronized (cache) {
      TreeMap<Long, Projection> positions = cache.computeIfAbsent(new Key(universe, session), k -> new TreeMap<>());
      positions.put(projection.head(), projection);
      while (positions.size() > CHECKPOINTS_PER_SESSION) positions.pollFirstEntry();
    }
  }

  /** Drops every cached position of a session, e.g. once it is deleted (its id may be reused). */
  public void forget(UniverseId universe, SessionId session) {
    synchronized (cache) {
      cache.remove(new Key(universe, session));
    }
  }

  private Projection closestAtOrBefore(Key key, long seq) {
    synchronized (cache) {
      TreeMap<Long, Projection> positions = cache.get(key);
      Map.Entry<Long, Projection> floor = positions == null ? null : positions.floorEntry(seq);
      return floor == null ? Projection.INITIAL : floor.getValue();
    }
  }
}
