package dev.lightspeed.server.tools;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The tools a server process offers: the port the worker runs calls through, and the specs a new session
 * is given (the gateway installs them right after opening it). {@link #NONE} is what a server has until
 * built-in tools exist: no specs, and a port that answers any call with a failed result saying so.
 *
 * @param specs the tool specs for sessions of a universe; their definitions must be stored in that universe
 */
public record ToolCatalog(ToolPort port, Function<UniverseId, List<ToolSpec>> specs) {
  /** No tools: sessions get none, and a call that reaches the port anyway fails with the "unavailable" text. */
  public static final ToolCatalog NONE = new ToolCatalog(
      (batch, call, ctx) -> new ToolCallResult(batch.batch(), call.call().callId(), CallOutcome.FAILED,
          WellKnownBlob.TOOL_UNAVAILABLE.ref(), WellKnownBlob.TOOL_UNAVAILABLE.bytes().length,
          "this server has no tools installed yet; \"" + call.call().name() + "\" cannot run"),
      universe -> List.of());

  public ToolCatalog {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(specs, "specs");
  }
}
