package dev.lightspeed.engine.drive;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host's preparation of a run changed: keyed entries to upsert and keys to remove (only keyed entries,
 * so a later preparation replaces them in place instead of piling up copies), and the session's tool set as
 * the world offers it now (tools of MCP servers), when the host derives one.
 */
public record PreparationResult(long run, List<ContextItem> applied, List<String> removedKeys, Optional<List<ToolSpec>> tools) {
  public PreparationResult {
    applied = List.copyOf(applied);
    removedKeys = List.copyOf(removedKeys);
    for (ContextItem item : applied) Objects.requireNonNull(item.key(), "a prepared context item needs a key");
    tools = Objects.requireNonNull(tools, "tools").map(List::copyOf);
  }

  /** A preparation that leaves the tool set alone. */
  public PreparationResult(long run, List<ContextItem> applied, List<String> removedKeys) {
    this(run, applied, removedKeys, Optional.empty());
  }

  /** {@return a preparation that changed nothing} */
  public static PreparationResult unchanged(long run) {
    return new PreparationResult(run, List.of(), List.of());
  }

  /** {@return this preparation with the tool set {@code specs}} */
  public PreparationResult withTools(List<ToolSpec> specs) {
    return new PreparationResult(run, applied, removedKeys, Optional.of(specs));
  }
}
