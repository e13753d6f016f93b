package dev.lightspeed.engine.tool;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/** A call the model made: the provider's call id, the tool name and the arguments blob (native JSON). */
public record ToolCall(String callId, String name, BlobRef arguments) {
  public ToolCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    if (callId.isEmpty()) throw new IllegalArgumentException("empty callId");
  }
}
