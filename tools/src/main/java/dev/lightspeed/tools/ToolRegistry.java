package dev.lightspeed.tools;

import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tools by name, in the order they were given; immutable and safe for concurrent use. */
public final class ToolRegistry {
  private final Map<String, Tool> tools;

  private ToolRegistry(Map<String, Tool> tools) {
    this.tools = tools;
  }

  /** @throws IllegalArgumentException when two tools share a name */
  public static ToolRegistry of(Collection<? extends Tool> tools) {
    Map<String, Tool> byName = new LinkedHashMap<>();
    for (Tool tool : tools) {
      String name = tool.definition().name();
      if (byName.putIfAbsent(name, tool) != null) throw new IllegalArgumentException("two tools named \"" + name + "\"");
    }
    return new ToolRegistry(Collections.unmodifiableMap(byName));
  }

  public Optional<Tool> find(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  /** {@return the tool names, in registry order} */
  public List<String> names() {
    return List.copyOf(tools.keySet());
  }

  public Collection<Tool> tools() {
    return tools.values();
  }

  /**
   * {@return the engine's view of these tools, in registry order, each definition stored as a canonical JSON
   * function spec in {@code universe} (so equal tool sets give equal refs and a stable prompt prefix)}
   */
  public List<ToolSpec> specs(BlobStore blobs, UniverseId universe) {
    List<ToolSpec> specs = new ArrayList<>(tools.size());
    for (Tool tool : tools.values()) {
      ToolDefinition d = tool.definition();
      specs.add(new ToolSpec(d.name(), blobs.put(universe, CanonicalJson.writeUtf8(d.specJson())), d.parallelism(), d.retrySafety(), d.approval()));
    }
    return List.copyOf(specs);
  }
}
