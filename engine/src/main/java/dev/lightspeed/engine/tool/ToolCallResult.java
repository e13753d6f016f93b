package dev.lightspeed.engine.tool;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/**
 * The result of one tool call, reported by the host. {@code output} is the visible text the model gets
 * (already capped by the tool layer); {@code size} and {@code preview} describe it without reading it.
 */
public record ToolCallResult(long batch, String callId, CallOutcome outcome, BlobRef output, long size, String preview) {
  public ToolCallResult {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(preview, "preview");
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
  }

  public boolean isError() {
    return outcome != CallOutcome.COMPLETED;
  }
}
