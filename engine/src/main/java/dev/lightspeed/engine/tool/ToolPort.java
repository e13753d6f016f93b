package dev.lightspeed.engine.tool;

import dev.lightspeed.engine.drive.EffectContext;

/**
 * Where tool calls go. A tool failure is a result with an error outcome, never an exception crossing into
 * the engine; an exception escaping here is reported as a failure at the boundary. Calls of one batch may
 * run concurrently on different threads.
 */
public interface ToolPort {
  /**
   * Runs one call of batch {@code batch}. When {@link EffectContext#aborted()} turns true it should stop
   * and return a cancelled result.
   */
  ToolCallResult invoke(ToolBatchRequest batch, ToolBatchRequest.Invocation call, EffectContext context);
}
