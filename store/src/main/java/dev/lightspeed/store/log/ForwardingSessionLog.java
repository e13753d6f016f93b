package dev.lightspeed.store.log;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A session log that passes every call to another one, for decorators that watch or alter a few calls (a
 * notifier on append, a test's gate) and must keep the rest of the {@link SessionLog} contract unchanged.
 * Subclasses override only what they decorate.
 */
public abstract class ForwardingSessionLog implements SessionLog {
  private final SessionLog delegate;

  protected ForwardingSessionLog(SessionLog delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** {@return the log calls are passed to} */
  protected final SessionLog delegate() {
    return delegate;
  }

  @Override
  public SessionSummary create(UniverseId universe, SessionId session) {
    return delegate.create(universe, session);
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    return delegate.append(universe, session, expectedHead, entries);
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
