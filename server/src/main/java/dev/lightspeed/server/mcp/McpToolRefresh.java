package dev.lightspeed.server.mcp;

import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.runtime.temporal.RunPreparer;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.tools.mcp.McpFeature;
import java.util.List;
import java.util.Objects;

/**
 * Before a run of a session that links MCP servers starts working, derives the session's tool set again with
 * fresh tool lists, so a run queued behind another gets the tools the servers offer when it starts, not when it
 * was requested. A server that does not answer keeps its last list; a config that no longer derives leaves the
 * tools as they are (the run goes on with them).
 */
public final class McpToolRefresh implements RunPreparer {
  private final ToolCatalog.Specs specs;

  public McpToolRefresh(ToolCatalog.Specs specs) {
    this.specs = Objects.requireNonNull(specs, "specs");
  }

  @Override
  public PreparationResult prepare(UniverseId universe, SessionState state, long run) {
    PreparationResult unchanged = PreparationResult.unchanged(run);
    List<ToolSpec> tools;
    try {
      if (McpFeature.fromConfig(state.config().document()).isEmpty()) return unchanged;
      tools = specs.forConfig(universe, state.config().document());
    } catch (IllegalArgumentException e) {
      return unchanged;
    }
    return unchanged.withTools(tools);
  }
}
