package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code ToolView}: one tool the session currently offers the model. {@code kind}
 * ({@code ToolKindView}: function, provider-native or remote MCP, tagged by {@code type}) stays a tree.
 * {@code parallelism} defaults to {@code parallelSafe} as in the schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolView(String toolId, ObjectNode kind, ToolParallelismView parallelism) {
  public ToolView {
    Fields.required(toolId, "toolId");
    Fields.required(kind, "kind");
    if (parallelism == null) parallelism = ToolParallelismView.PARALLEL_SAFE;
  }
}
