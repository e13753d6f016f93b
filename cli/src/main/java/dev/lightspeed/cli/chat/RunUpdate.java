package dev.lightspeed.cli.chat;

import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.cli.gateway.GatewayUnreachableException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What happened in a session, as a chat shows it: {@link RunTracker} folds the stream's deltas and log
 * events into these. {@code runId} is null only for text whose run the stream has not named yet.
 */
public sealed interface RunUpdate {
  /** A run was accepted; it starts now or waits behind the active one. */
  record Accepted(String runId) implements RunUpdate {}

  /** A run began generating. */
  record Started(String runId) implements RunUpdate {}

  /** Answer text as the model writes it. */
  record Text(String runId, String text) implements RunUpdate {}

  /** Reasoning text as the model writes it (shown only as "thinking"). */
  record Reasoning(String runId, String text) implements RunUpdate {}

  /** A tool call began. */
  record ToolStarted(String runId, ToolCallView call) implements RunUpdate {}

  /**
   * A tool call ended: {@code succeeded}, {@code failed}, {@code unavailable} or {@code cancelled};
   * {@code elapsedMs} is absent for a call that never started.
   */
  record ToolFinished(String runId, ToolCallView call, String status, OptionalLong elapsedMs) implements RunUpdate {}

  /** The run waits: a tool call needs a person's approval ({@link Approvals} says which). */
  record ApprovalNeeded(String runId) implements RunUpdate {}

  /** Steering input was accepted for the run; it enters at the next turn boundary. */
  record Steered(String runId, String steeringId) implements RunUpdate {}

  /** Someone asked the run to stop. */
  record Cancelling(String runId) implements RunUpdate {}

  /** A turn's token counts, when the gateway reports them. */
  record UsageReported(String runId, TokenUsage usage) implements RunUpdate {}

  /**
   * The run ended: {@code status} is completed, failed or cancelled; {@code failure} says why it failed;
   * {@code outputRef} is the blob of the final answer, when there is one.
   */
  record Finished(String runId, RunStatus status, String failure, String outputRef) implements RunUpdate {
    public Finished {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(status, "status");
    }
  }

  /** Context compaction began ({@code finished} false) or ended with {@code status}. */
  record Compaction(boolean finished, String status) implements RunUpdate {}

  /** The session's config changed; {@code model} is the model it names now, or null. */
  record ConfigChanged(String model) implements RunUpdate {}

  /** The session was closed; it takes no more runs. */
  record SessionClosed() implements RunUpdate {}

  /** The stream to the gateway broke for good. */
  record StreamLost(GatewayUnreachableException reason) implements RunUpdate {}
}
