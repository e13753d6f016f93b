package dev.lightspeed.engine.tool;

import java.util.Objects;
import java.util.Optional;

/** One call in a tool batch: not started, started (dispatched), or completed with an outcome. */
public record CallState(ToolCall call, boolean started, Optional<CallOutcome> outcome) {
  public CallState {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(outcome, "outcome");
  }

  public static CallState pending(ToolCall call) {
    return new CallState(call, false, Optional.empty());
  }

  public boolean completed() {
    return outcome.isPresent();
  }

  public boolean inFlight() {
    return started && outcome.isEmpty();
  }

  public CallState start() {
    return new CallState(call, true, outcome);
  }

  public CallState complete(CallOutcome o) {
    return new CallState(call, started, Optional.of(o));
  }
}
