package dev.lightspeed.server.events;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.ForwardingSessionLog;
import dev.lightspeed.store.log.SessionLog;
import java.util.List;
import java.util.Objects;

/**
 * A session log that tells an {@link AppendSignal} about every append, so long-polls and live streams in
 * this process wake as soon as the worker commits an entry. Everything else is passed through unchanged,
 * including the contract of {@link SessionLog}.
 */
public final class NotifyingSessionLog extends ForwardingSessionLog {
  private final AppendSignal signal;

  public NotifyingSessionLog(SessionLog delegate, AppendSignal signal) {
    super(delegate);
    this.signal = Objects.requireNonNull(signal, "signal");
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    List<LogEntry> committed = super.append(universe, session, expectedHead, entries);
    signal.appended(universe, session);
    return committed;
  }
}
