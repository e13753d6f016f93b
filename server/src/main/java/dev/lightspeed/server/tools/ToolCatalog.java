package dev.lightspeed.server.tools;

import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolCallResult;
import dev.lightspeed.engine.tool.ToolPort;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.runtime.temporal.SessionTools;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The tools a server process offers: the port each session's calls run through (chosen from the session's
 * state, since a file tool sees the workspaces its session's config links), and the specs a session with a
 * given config gets (the gateway installs them after opening the session and after each config change).
 * {@link #NONE} offers nothing: no specs, and a port that answers any call with a failed result saying so.
 */
public record ToolCatalog(SessionTools port, Specs specs) {
  /** The specs of a session of {@code universe} whose config document is {@code config}; stored in that universe. */
  @FunctionalInterface
  public interface Specs {
    List<ToolSpec> forConfig(UniverseId universe, Json.Obj config);
  }

  /** No tools: sessions get none, and a call that reaches the port anyway fails with the "unavailable" text. */
  public static final ToolCatalog NONE = fixed(
      (batch, call, ctx) -> new ToolCallResult(batch.batch(), call.call().callId(), CallOutcome.FAILED,
          WellKnownBlob.TOOL_UNAVAILABLE.ref(), WellKnownBlob.TOOL_UNAVAILABLE.bytes().length,
          "this server has no tools installed; \"" + call.call().name() + "\" cannot run"),
      universe -> List.of());

  public ToolCatalog {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(specs, "specs");
  }

  /** {@return a catalog whose port and specs do not depend on the session's config} */
  public static ToolCatalog fixed(ToolPort port, Function<UniverseId, List<ToolSpec>> specs) {
    Objects.requireNonNull(specs, "specs");
    return new ToolCatalog(SessionTools.of(port), (universe, config) -> specs.apply(universe));
  }
}
