package dev.lightspeed.store.log;

import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Objects;

/**
 * The store's projection of one session, updated in the same atomic step as each append: its lifecycle, the
 * seq of its last entry ({@code head}, 0 when empty), when it was created and last appended to (from the
 * store's clock, never from the entries), and the seq of the entry that closed it (0 unless closed).
 */
public record SessionSummary(
    UniverseId universe,
    SessionId id,
    SessionLifecycle lifecycle,
    long head,
    long createdAtMs,
    long updatedAtMs,
    long closedAtSeq) {

  public SessionSummary {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lifecycle, "lifecycle");
    if (head < 0) throw new IllegalArgumentException("head < 0: " + head);
    if (closedAtSeq < 0 || closedAtSeq > head) {
      throw new IllegalArgumentException("closedAtSeq out of range 0.." + head + ": " + closedAtSeq);
    }
    if ((lifecycle == SessionLifecycle.CLOSED) != (closedAtSeq > 0)) {
      throw new IllegalArgumentException("closedAtSeq " + closedAtSeq + " does not fit lifecycle " + lifecycle.wireName());
    }
  }

  /** {@return the summary of a session just created at {@code nowMs}: NEW, empty} */
  public static SessionSummary created(UniverseId universe, SessionId id, long nowMs) {
    return new SessionSummary(universe, id, SessionLifecycle.NEW, 0, nowMs, nowMs, 0);
  }

  /**
   * {@return this summary after {@code committed} was appended at {@code nowMs}} The entries must follow the
   * current head contiguously; lifecycle events among them move the lifecycle, the last one winning.
   *
   * @throws IllegalArgumentException when {@code committed} is empty or does not start at {@code head + 1}
   */
  public SessionSummary appended(List<LogEntry> committed, long nowMs) {
    if (committed.isEmpty()) throw new IllegalArgumentException("committed is empty");
    SessionLifecycle nextLifecycle = lifecycle;
    long nextClosedAt = closedAtSeq;
    long expected = head + 1;
    for (LogEntry entry : committed) {
      if (entry.seq() != expected) {
        throw new IllegalArgumentException("entry seq " + entry.seq() + " does not follow " + (expected - 1));
      }
      expected++;
      switch (entry.event().kind()) {
        case SessionLifecycle.OPENED_KIND -> {
          nextLifecycle = SessionLifecycle.OPEN;
          nextClosedAt = 0;
        }
        case SessionLifecycle.CLOSED_KIND -> {
          nextLifecycle = SessionLifecycle.CLOSED;
          nextClosedAt = entry.seq();
        }
        default -> {
          // Not a lifecycle event: the projection passes it through.
        }
      }
    }
    return new SessionSummary(universe, id, nextLifecycle, expected - 1, createdAtMs, nowMs, nextClosedAt);
  }
}
