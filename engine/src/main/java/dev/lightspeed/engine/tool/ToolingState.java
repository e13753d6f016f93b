package dev.lightspeed.engine.tool;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The session's tool set by name (sorted, so requests list tools in a stable order) and its revision. */
public record ToolingState(Map<String, ToolSpec> tools, long revision) {
  public static final ToolingState EMPTY = new ToolingState(Map.of(), 0);

  public ToolingState {
    tools = java.util.Collections.unmodifiableMap(new TreeMap<>(tools));
  }

  public Optional<ToolSpec> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }
}
