package dev.lightspeed.engine.tool;

import java.util.List;

/**
 * Tool calls the host should run now. Every call listed was durably marked started; the host runs them (in
 * parallel when it likes: the engine only lists calls that may run together) and reports each result.
 */
public record ToolBatchRequest(long run, long turn, long batch, List<Invocation> calls) {
  public ToolBatchRequest {
    calls = List.copyOf(calls);
  }

  /** One call to run, with the spec of the tool it names. */
  public record Invocation(ToolCall call, ToolSpec spec) {}
}
