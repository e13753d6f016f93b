package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.lightspeed.api.run.RunStatus;
import dev.lightspeed.cli.ExitCodes;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a one-shot chat, and the one JSON document {@code chat --json} prints:
 * {@code {"sessionId", "runId", "status", "text", "toolCalls": [{"name", "status", "callId"}],
 * "usage": {"inputTokens", "outputTokens", "cachedInputTokens"}, "error"}}. {@code error} is present only when
 * the run failed; {@code usage.estimated} only when the counts are estimates.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sessionId", "runId", "status", "text", "toolCalls", "usage", "error"})
public record ChatResult(
    String sessionId, String runId, String status, String text, List<ToolCall> toolCalls, Usage usage, String error) {
  public ChatResult {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(text, "text");
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(usage, "usage");
  }

  /** One tool call of the run: its name, how it ended, and its id. */
  @JsonPropertyOrder({"name", "status", "callId"})
  public record ToolCall(String name, String status, String callId) {}

  /** Token counts; {@code estimated} is true (and present) only when the gateway reported none. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"inputTokens", "outputTokens", "cachedInputTokens", "estimated"})
  public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, Boolean estimated) {
    static Usage of(TokenUsage usage) {
      return new Usage(usage.inputTokens(), usage.outputTokens(), usage.cachedInputTokens(), usage.estimated() ? Boolean.TRUE : null);
    }
  }

  /** {@return the exit code for the run's status} */
  public int exitCode() {
    return switch (RunStatus.fromWire(status)) {
      case COMPLETED -> ExitCodes.OK;
      case CANCELLED -> ExitCodes.CANCELLED;
      case FAILED, QUEUED, RUNNING, CANCELLING -> ExitCodes.FAILED;
    };
  }
}
