package dev.lightspeed.server.profile;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.json.Json;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile ready to apply: the config sections it sets (none when it has no config) and its instruction
 * layer, the {@value Profiles#INSTRUCTIONS_KEY} context entry, whose text is already in the blob store (none
 * when it has no instructions, which removes an earlier profile's layer).
 */
public record ResolvedProfile(Optional<Json.Obj> config, Optional<ContextItem> instructions) {
  public ResolvedProfile {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(instructions, "instructions");
  }
}
