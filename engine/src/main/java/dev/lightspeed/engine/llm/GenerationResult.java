package dev.lightspeed.engine.llm;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.tool.ToolCall;
import java.util.List;
import java.util.Objects;

/** What came back from one model generation, reported to the drive by the host. */
public sealed interface GenerationResult {
  long turn();

  /**
   * The model answered.
   *
   * @param response the raw provider response blob
   * @param outputs the native output items as context items (assistant message, reasoning, tool calls,
   *     compaction items, opaque items), in provider order
   * @param toolCalls the calls to run, in provider order
   */
  record Completed(
      long turn,
      BlobRef response,
      String finishReason,
      Usage usage,
      List<ContextItem> outputs,
      List<ToolCall> toolCalls,
      String providerResponseId) implements GenerationResult {
    public Completed {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(finishReason, "finishReason");
      Objects.requireNonNull(usage, "usage");
      outputs = List.copyOf(outputs);
      toolCalls = List.copyOf(toolCalls);
      Objects.requireNonNull(providerResponseId, "providerResponseId");
    }
  }

  /**
   * The generation failed terminally (or transient retries ran out).
   *
   * @param reason a blob with the provider's error, or a well-known blob
   * @param message a short message a user can act on
   */
  record Failed(long turn, BlobRef reason, String message) implements GenerationResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The host aborted the generation because the run is being cancelled. */
  record Cancelled(long turn) implements GenerationResult {}
}
