package dev.lightspeed.engine.llm;

import dev.lightspeed.engine.context.ContextEntry;
import dev.lightspeed.engine.session.CompactionPolicy;
import java.util.List;
import java.util.Objects;

/**
 * A standalone compaction to perform: summarise (or provider-compact) {@code compactable} in the light of
 * the full {@code context}; the result replaces {@code compactable}.
 */
public record CompactionRequest(long compaction, ModelRef model, CompactionPolicy policy, List<ContextEntry> context, List<ContextEntry> compactable) {
  public CompactionRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(policy, "policy");
    context = List.copyOf(context);
    compactable = List.copyOf(compactable);
  }
}
