package dev.lightspeed.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool the model can call. {@link #invoke} never throws for anything the model or the files did: bad
 * arguments, missing files, conflicts and limits all come back as an error {@link ToolResult} whose text says
 * what to do. Implementations are stateless and safe for concurrent use; whether two calls may actually run at
 * once is {@link ToolDefinition#parallelism()}'s to say.
 */
public interface Tool {
  ToolDefinition definition();

  /**
   * Runs one call.
   *
   * @param arguments the call's arguments, already parsed as a JSON object
   */
  ToolResult invoke(ObjectNode arguments, ToolContext context);
}
