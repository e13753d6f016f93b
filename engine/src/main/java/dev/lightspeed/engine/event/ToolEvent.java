package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.tool.CallOutcome;
import java.util.Objects;

/**
 * A tool batch of the open turn started, one of its calls asked for approval, got a decision, started or
 * completed, or the batch completed.
 */
public sealed interface ToolEvent extends Event {
  long run();

  long turn();

  long batch();

  @Override
  default Joins joins() {
    return Joins.run(run()).withTurn(turn()).withBatch(batch());
  }

  /** A batch opened for the turn's tool calls. */
  record BatchStarted(long run, long turn, long batch) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.batch_started";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The call was dispatched to the host; it is in flight until it completes. */
  record CallStarted(long run, long turn, long batch, String callId) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.call_started";

    public CallStarted {
      Objects.requireNonNull(callId, "callId");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return ToolEvent.super.joins().withCall(callId);
    }
  }

  /** The call's result is in; it enters the context as a tool result entry. */
  record CallCompleted(long run, long turn, long batch, String callId, CallOutcome outcome, BlobRef output, long size, String preview) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.call_completed";

    public CallCompleted {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(output, "output");
      Objects.requireNonNull(preview, "preview");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return ToolEvent.super.joins().withCall(callId);
    }
  }

  /** The call's tool needs approval: the call waits, and the run with it, until a decision is recorded. */
  record ApprovalRequested(long run, long turn, long batch, String callId) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.approval_requested";

    public ApprovalRequested {
      Objects.requireNonNull(callId, "callId");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return ToolEvent.super.joins().withCall(callId);
    }
  }

  /**
   * Someone approved the waiting call (it may now start) or denied it (it completes as denied without
   * running); {@code note} is what they said, empty when nothing.
   */
  record ApprovalDecided(long run, long turn, long batch, String callId, boolean approved, String note) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.approval_decided";

    public ApprovalDecided {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(note, "note");
    }

    @Override
    public String kind() {
      return KIND;
    }

    @Override
    public Joins joins() {
      return ToolEvent.super.joins().withCall(callId);
    }
  }

  /** Every call of the batch has a result. */
  record BatchCompleted(long run, long turn, long batch) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.batch_completed";

    @Override
    public String kind() {
      return KIND;
    }
  }
}
