package dev.lightspeed.engine.tool;

import java.util.Objects;
import java.util.Optional;

/**
 * One call in a tool batch: not started, started (dispatched), or completed with an outcome; a call of a tool
 * that needs approval first waits for a decision ({@link ApprovalState}).
 */
public record CallState(ToolCall call, boolean started, Optional<CallOutcome> outcome, ApprovalState approval) {
  public CallState {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(approval, "approval");
  }

  public CallState(ToolCall call, boolean started, Optional<CallOutcome> outcome) {
    this(call, started, outcome, ApprovalState.NONE);
  }

  public static CallState pending(ToolCall call) {
    return new CallState(call, false, Optional.empty(), ApprovalState.NONE);
  }

  /** {@return whether the call waits for an approve or deny decision} */
  public boolean awaitingApproval() {
    return approval == ApprovalState.AWAITING && outcome.isEmpty();
  }

  public CallState withApproval(ApprovalState next) {
    return new CallState(call, started, outcome, next);
  }

  public boolean completed() {
    return outcome.isPresent();
  }

  public boolean inFlight() {
    return started && outcome.isEmpty();
  }

  public CallState start() {
    return new CallState(call, true, outcome, approval);
  }

  public CallState complete(CallOutcome o) {
    return new CallState(call, started, Optional.of(o), approval);
  }
}
