package dev.lightspeed.engine.run;

import dev.lightspeed.engine.tool.ToolBatch;
import dev.lightspeed.engine.tool.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The open turn of a run: one model generation and the tool batch that answers its calls.
 *
 * @param index 1-based position of the turn within its run
 * @param fingerprint the request fingerprint recorded when the turn was planned
 * @param toolCalls the calls the model made (empty until generated, or when it made none)
 * @param batch the tool batch answering {@code toolCalls}, once started
 */
public record Turn(long id, int index, TurnPhase phase, String fingerprint, List<ToolCall> toolCalls, Optional<ToolBatch> batch) {
  public Turn {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(fingerprint, "fingerprint");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(batch, "batch");
  }

  public static Turn started(long id, int index) {
    return new Turn(id, index, TurnPhase.STARTED, "", List.of(), Optional.empty());
  }

  public Turn planned(String fp) {
    return new Turn(id, index, TurnPhase.PLANNED, fp, toolCalls, batch);
  }

  public Turn generating() {
    return new Turn(id, index, TurnPhase.GENERATING, fingerprint, toolCalls, batch);
  }

  public Turn generated(List<ToolCall> calls) {
    return new Turn(id, index, TurnPhase.GENERATED, fingerprint, calls, batch);
  }

  public Turn withBatch(ToolBatch b) {
    return new Turn(id, index, phase, fingerprint, toolCalls, Optional.of(b));
  }
}
