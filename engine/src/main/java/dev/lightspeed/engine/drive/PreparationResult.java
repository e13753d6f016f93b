package dev.lightspeed.engine.drive;

import dev.lightspeed.engine.context.ContextItem;
import java.util.List;
import java.util.Objects;

/**
 * What a host's preparation of a run changed: keyed entries to upsert and keys to remove. Only keyed entries,
 * so a later preparation replaces them in place instead of piling up copies.
 */
public record PreparationResult(long run, List<ContextItem> applied, List<String> removedKeys) {
  public PreparationResult {
    applied = List.copyOf(applied);
    removedKeys = List.copyOf(removedKeys);
    for (ContextItem item : applied) Objects.requireNonNull(item.key(), "a prepared context item needs a key");
  }

  /** {@return a preparation that changed nothing} */
  public static PreparationResult unchanged(long run) {
    return new PreparationResult(run, List.of(), List.of());
  }
}
