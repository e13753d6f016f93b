package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.tool.CallOutcome;
import java.util.Objects;

/** A tool batch of the open turn started, one of its calls started or completed, or it completed. */
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

  /** Every call of the batch has a result. */
  record BatchCompleted(long run, long turn, long batch) implements ToolEvent {
    public static final String KIND = "lightspeed.core.tool.batch_completed";

    @Override
    public String kind() {
      return KIND;
    }
  }
}
