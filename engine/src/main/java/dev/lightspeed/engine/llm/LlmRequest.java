package dev.lightspeed.engine.llm;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.session.CompactionPolicy;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import java.util.Objects;

/**
 * Everything an LLM adapter needs to build one provider request, rebuilt from state whenever it is needed
 * (it is never stored in the log; the planned turn keeps only its {@code fingerprint}).
 *
 * @param context entries in request order (instructions, catalogs, then entry order)
 * @param generation the merged generation settings (session config overridden by the run's)
 * @param tools the session's tools sorted by name
 */
public record LlmRequest(
    long run,
    long turn,
    ModelRef model,
    Json.Obj generation,
    CompactionPolicy compaction,
    List<ContextEntry> context,
    List<ToolSpec> tools,
    String fingerprint) {

  public LlmRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(compaction, "compaction");
    context = List.copyOf(context);
    tools = List.copyOf(tools);
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
