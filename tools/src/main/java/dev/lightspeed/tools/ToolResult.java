package dev.lightspeed.tools;

import java.util.Objects;

/** What a tool call gives the model: visible text, and whether it reports success, an error or a cancellation. */
public record ToolResult(String text, Status status) {
  /** How the call ended. */
  public enum Status {
    OK,
    /** The tool could not do what was asked; {@code text} says why and what to do instead. */
    ERROR,
    /** The call stopped because the run was cancelled. */
    CANCELLED
  }

  public ToolResult {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(status, "status");
  }

  public static ToolResult ok(String text) {
    return new ToolResult(text, Status.OK);
  }

  public static ToolResult error(String text) {
    return new ToolResult(text, Status.ERROR);
  }

  public static ToolResult cancelled() {
    return new ToolResult("cancelled: the run was stopped before this call finished", Status.CANCELLED);
  }

  public boolean isError() {
    return status != Status.OK;
  }
}
