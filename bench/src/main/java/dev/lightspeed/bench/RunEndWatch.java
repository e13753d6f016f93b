package dev.lightspeed.bench;

import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.log.ForwardingSessionLog;
import dev.lightspeed.store.log.SessionLog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session log that tells a waiter the moment a run-ending event commits. Hosted benchmarks wait on this
 * instead of polling the log: polling would fold the log over and over on the same two cores that run the
 * thing being measured, and would add its polling interval to every figure. Thread-safe; at most one waiter
 * per session.
 */
final class RunEndWatch extends ForwardingSessionLog {
  private static final Set<String> RUN_ENDS = Set.of(RunEvent.Completed.KIND, RunEvent.Failed.KIND, RunEvent.Cancelled.KIND,
      RunEvent.ForceCancelled.KIND);

  private final Map<String, CompletableFuture<String>> waiters = new ConcurrentHashMap<>();

  RunEndWatch(SessionLog log) {
    super(log);
  }

  /**
   * {@return a future completed with the kind of the next run-ending event appended to {@code session}}
   * Call it before starting the run.
   */
  CompletableFuture<String> nextRunEnd(UniverseId universe, SessionId session) {
    CompletableFuture<String> end = new CompletableFuture<>();
    waiters.put(key(universe, session), end);
    return end;
  }

  @Override
  public List<LogEntry> append(UniverseId universe, SessionId session, long expectedHead, List<NewEntry> entries) {
    List<LogEntry> committed = super.append(universe, session, expectedHead, entries);
    for (LogEntry entry : committed) {
      if (!RUN_ENDS.contains(entry.event().kind())) continue;
      CompletableFuture<String> end = waiters.remove(key(universe, session));
      if (end != null) end.complete(entry.event().kind());
    }
    return committed;
  }

  private static String key(UniverseId universe, SessionId session) {
    return universe.value() + "/" + session.value();
  }
}
