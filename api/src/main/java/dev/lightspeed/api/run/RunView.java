package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.context.ContextEntryView;
import java.util.List;

/**
 * The contract's {@code RunView}: one run with its source, status and the context entries it produced.
 * {@code toolBatches} ({@code ToolBatchView}s with their tool call views) stay trees built by the server;
 * absent means not reported, not none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(
    String id, RunStatus status, RunStartSource source, List<ContextEntryView> entries, List<ObjectNode> toolBatches) {
  public RunView {
    Fields.required(id, "id");
    Fields.required(status, "status");
    Fields.required(source, "source");
    entries = Fields.listOrEmpty(entries, "entries");
    toolBatches = Fields.optionalList(toolBatches, "toolBatches");
  }
}
