package dev.lightspeed.engine.event;

import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.tool.ToolSpec;
import java.util.List;

/** The session's tool set changed. The host derives it from the config document. */
public sealed interface ToolsEvent extends Event {
  @Override
  default Joins joins() {
    return Joins.NONE;
  }

  /** The tool set was replaced whole. */
  record Replaced(List<ToolSpec> tools) implements ToolsEvent {
    public static final String KIND = "lightspeed.core.tools.replaced";

    public Replaced {
      tools = List.copyOf(tools);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** Some tools were added or replaced by name, and some removed. */
  record Patched(List<ToolSpec> upserted, List<String> removed) implements ToolsEvent {
    public static final String KIND = "lightspeed.core.tools.patched";

    public Patched {
      upserted = List.copyOf(upserted);
      removed = List.copyOf(removed);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }
}
