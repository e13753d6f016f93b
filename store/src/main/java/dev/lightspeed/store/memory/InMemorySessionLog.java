package dev.lightspeed.store.memory;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.AppendConflictException;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionExistsException;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionLogRules;
import dev.lightspeed.store.log.SessionNotClosedException;
import dev.lightspeed.store.log.SessionNotFoundException;
import dev.lightspeed.store.log.SessionSummary;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SessionLog} in memory, for tests and the in-process runner. It is a strict fake: entries go
 * through their stored JSON form as in every backend, stale heads conflict, retries are confirmed, and the
 * errors are the same types with the same messages. Time comes from the injected clock. Safe for concurrent
 * use; each session has its own lock, so appends to one session serialize while other sessions proceed.
 */
public final class InMemorySessionLog implements SessionLog {
  private final InstantSource clock;
  private final Map<Key, Session> sessions = new ConcurrentHashMap<>();

  /** A log whose timestamps come from {@code clock}. */
  public InMemorySessionLog(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A log whose timestamps come from the system clock. */
  public InMemorySessionLog() {
    this(InstantSource.system());
  }

  @Override
  public SessionSummary create(UniverseId universe, SessionId session) {
    Key key = new Key(universe, session);
    Session created = new Session(SessionSummary.created(universe, session, clock.millis()));
    if (sessions.putIfAbsent(key, created) != null) throw new SessionExistsException(universe, session);
    return created.summary;
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    Key key = new Key(universe, session);
    List<NewEntry> batch = SessionLogRules.checkAppend(expectedHead, entries);
    Session s = live(key);
    synchronized (s) {
      if (s.deleted) throw new SessionNotFoundException(universe, session);
      long head = s.entries.size();
      if (head != expectedHead) {
        if (head >= expectedHead + batch.size()) {
          List<LogEntry> stored = List.copyOf(s.entries.subList((int) expectedHead, (int) expectedHead + batch.size()));
          if (SessionLogRules.isRetryOf(stored, batch)) return stored;
        }
        throw new AppendConflictException(expectedHead, head);
      }
      List<LogEntry> committed = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        committed.add(SessionLogRules.asStored(batch.get(i).at(head + 1 + i)));
      }
      s.entries.addAll(committed);
      s.summary = s.summary.appended(committed, clock.millis());
      return List.copyOf(committed);
    }
  }

  @Override
  public LogPage readAfter(UniverseId universe, SessionId session, long afterSeq, int limit) {
    Key key = new Key(universe, session);
    SessionLogRules.checkReadAfter(afterSeq, limit);
    Session s = live(key);
    synchronized (s) {
      if (s.deleted) throw new SessionNotFoundException(universe, session);
      int head = s.entries.size();
      int from = (int) Math.min(afterSeq, head);
      int to = (int) Math.min((long) from + limit, head);
      return new LogPage(s.entries.subList(from, to), head);
    }
  }

  @Override
  public long head(UniverseId universe, SessionId session) {
    return find(universe, session).orElseThrow(() -> new SessionNotFoundException(universe, session)).head();
  }

  @Override
  public Optional<SessionSummary> find(UniverseId universe, SessionId session) {
    Session s = sessions.get(new Key(universe, session));
    if (s == null) return Optional.empty();
    synchronized (s) {
      return s.deleted ? Optional.empty() : Optional.of(s.summary);
    }
  }

  @Override
  public List<SessionSummary> list(UniverseId universe, Set<SessionLifecycle> lifecycles, int limit) {
    Objects.requireNonNull(universe, "universe");
    SessionLogRules.checkList(lifecycles, limit);
    List<SessionSummary> matching = new ArrayList<>();
    for (Map.Entry<Key, Session> e : sessions.entrySet()) {
      if (!e.getKey().universe.equals(universe)) continue;
      Session s = e.getValue();
      synchronized (s) {
        if (!s.deleted && lifecycles.contains(s.summary.lifecycle())) matching.add(s.summary);
      }
    }
    return matching.stream().sorted(SessionLogRules.LIST_ORDER).limit(limit).toList();
  }

  @Override
  public void delete(UniverseId universe, SessionId session) {
    Key key = new Key(universe, session);
    Session s = live(key);
    synchronized (s) {
      if (s.deleted) throw new SessionNotFoundException(universe, session);
      if (s.summary.lifecycle() != SessionLifecycle.CLOSED) {
        throw new SessionNotClosedException(universe, session, s.summary.lifecycle());
      }
      s.deleted = true;
      sessions.remove(key, s);
    }
  }

  private Session live(Key key) {
    Session s = sessions.get(key);
    if (s == null) throw new SessionNotFoundException(key.universe, key.session);
    return s;
  }

  private record Key(UniverseId universe, SessionId session) {
    Key {
      Objects.requireNonNull(universe, "universe");
      Objects.requireNonNull(session, "session");
    }
  }

  /** One session's entries and projection, guarded by its own monitor. */
  private static final class Session {
    final List<LogEntry> entries = new ArrayList<>();
    SessionSummary summary;
    boolean deleted;

    Session(SessionSummary summary) {
      this.summary = summary;
    }
  }
}
