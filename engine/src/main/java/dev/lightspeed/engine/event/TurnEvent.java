package dev.lightspeed.engine.event;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.tool.ToolCall;
import java.util.List;
import java.util.Objects;

/** A model turn of the active run was started, planned, generated, or ended. */
public sealed interface TurnEvent extends Event {
  long run();

  long turn();

  @Override
  default Joins joins() {
    return Joins.run(run()).withTurn(turn());
  }

  /** A new turn opened; {@code index} is its 1-based position in the run. */
  record Started(long run, long turn, int index) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.started";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * The turn's request was planned. Only its fingerprint and the revisions it was built from are stored;
   * the request itself is rebuilt from state, so this event's size never grows with the transcript.
   */
  record Planned(long run, long turn, String fingerprint, long configRevision, long contextRevision, long toolsRevision) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.planned";

    public Planned {
      Objects.requireNonNull(fingerprint, "fingerprint");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The request was handed to the model; every entry up to now counts as consumed. */
  record GenerationRequested(long run, long turn) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.generation_requested";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The model answered: its output items enter the context and its tool calls await a batch. */
  record GenerationCompleted(
      long run,
      long turn,
      BlobRef response,
      String finishReason,
      Usage usage,
      List<ContextItem> outputs,
      List<ToolCall> toolCalls,
      String providerResponseId) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.generation_completed";

    public GenerationCompleted {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(finishReason, "finishReason");
      Objects.requireNonNull(usage, "usage");
      outputs = List.copyOf(outputs);
      toolCalls = List.copyOf(toolCalls);
      Objects.requireNonNull(providerResponseId, "providerResponseId");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The generation failed; the run fails next. */
  record GenerationFailed(long run, long turn, BlobRef reason, String message) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.generation_failed";

    public GenerationFailed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The turn ended normally: generated, and every tool call answered. */
  record Completed(long run, long turn) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.completed";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The turn was cut short by cancellation. */
  record Cancelled(long run, long turn) implements TurnEvent {
    public static final String KIND = "lightspeed.core.turn.cancelled";

    @Override
    public String kind() {
      return KIND;
    }
  }
}
