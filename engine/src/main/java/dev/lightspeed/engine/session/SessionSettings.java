package dev.lightspeed.engine.session;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.ModelRef;
import dev.lightspeed.engine.run.RunLimits;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts the engine branches on, read from the session's config document. The document itself stays
 * the source of truth; this is its parsed view.
 */
public record SessionSettings(Optional<ModelRef> model, Json.Obj generation, RunLimits limits, CompactionPolicy compaction) {
  public static final SessionSettings DEFAULT = new SessionSettings(Optional.empty(), Json.Obj.EMPTY, RunLimits.DEFAULT, CompactionPolicy.DISABLED);

  public SessionSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(compaction, "compaction");
  }
}
