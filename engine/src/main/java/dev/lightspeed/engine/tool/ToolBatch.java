package dev.lightspeed.engine.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tool calls of one turn, run as a batch; results may land in any order. {@code closed} once the batch
 * completed event is recorded.
 */
public record ToolBatch(long id, List<CallState> calls, boolean closed) {
  /** At most this many calls of one batch are in flight at once. */
  public static final int MAX_IN_FLIGHT = 8;

  public ToolBatch {
    calls = List.copyOf(calls);
  }

  public Optional<CallState> find(String callId) {
    for (CallState c : calls) if (c.call().callId().equals(callId)) return Optional.of(c);
    return Optional.empty();
  }

  public ToolBatch close() {
    return new ToolBatch(id, calls, true);
  }

  public boolean allCompleted() {
    for (CallState c : calls) if (!c.completed()) return false;
    return true;
  }

  public long inFlightCount() {
    return calls.stream().filter(CallState::inFlight).count();
  }

  public ToolBatch update(String callId, UnaryOperator<CallState> change) {
    List<CallState> next = new ArrayList<>(calls.size());
    boolean found = false;
    for (CallState c : calls) {
      if (c.call().callId().equals(callId)) {
        next.add(change.apply(c));
        found = true;
      } else {
        next.add(c);
      }
    }
    if (!found) throw new IllegalStateException("batch " + id + " has no call \"" + callId + "\"");
    return new ToolBatch(id, next, closed);
  }
}
