package dev.lightspeed.server.events;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.LogPage;
import dev.lightspeed.store.log.SessionLifecycle;
import dev.lightspeed.store.log.SessionLog;
import dev.lightspeed.store.log.SessionSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session log that tells an {@link AppendSignal} about every append, so long-polls and live streams in
 * this process wake as soon as the worker commits an entry. Everything else is passed through unchanged,
 * including the contract of {@link SessionLog}.
 */
public final class NotifyingSessionLog implements SessionLog {
  private final SessionLog delegate;
  private final AppendSignal signal;

  public NotifyingSessionLog(SessionLog delegate, AppendSignal signal) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.signal = Objects.requireNonNull(signal, "signal");
  }

  @Override
  public SessionSummary create(UniverseId universe, SessionId session) {
    return delegate.create(universe, session);
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    List<LogEntry> committed = delegate.append(universe, session, expectedHead, entries);
    signal.appended(universe, session);
    return committed;
  }

  @Override
  public LogPage readAfter(UniverseId universe, SessionId session, long afterSeq, int limit) {
    return delegate.readAfter(universe, session, afterSeq, limit);
  }

  @Override
  public long head(UniverseId universe, SessionId session) {
    return delegate.head(universe, session);
  }

  @Override
  public Optional<SessionSummary> find(UniverseId universe, SessionId session) {
    return delegate.find(universe, session);
  }

  @Override
  public List<SessionSummary> list(UniverseId universe, Set<SessionLifecycle> lifecycles, int limit) {
    return delegate.list(universe, lifecycles, limit);
  }

  @Override
  public void delete(UniverseId universe, SessionId session) {
    delegate.delete(universe, session);
  }
}
