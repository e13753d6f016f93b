package dev.lightspeed.server.session;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.session.ActiveToolsView;
import dev.lightspeed.api.session.SessionLifecycleStatus;
import dev.lightspeed.api.session.SessionStatus;
import dev.lightspeed.api.session.SessionSummaryView;
import dev.lightspeed.api.session.SessionView;
import dev.lightspeed.api.session.ToolParallelismView;
import dev.lightspeed.api.session.ToolView;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.engine.tool.ToolingState;
import dev.lightspeed.server.context.ContextViews;
import dev.lightspeed.server.projection.EngineJson;
import dev.lightspeed.server.projection.Projection;
import dev.lightspeed.server.run.RunViews;
import dev.lightspeed.store.log.SessionSummary;
import java.util.List;
import java.util.Optional;

/**
 * Sessions as the contract shows them, built from the store's summary and the folded log only. The status
 * says what the log says (idle, active or closed), not whether a workflow is loaded, because reads never
 * ask Temporal; a session created but never opened reads as {@code notLoaded}.
 */
public final class SessionViews {
  private SessionViews() {}

  public static SessionView view(SessionSummary summary, Optional<String> displayName, Projection projection) {
    return view(summary, displayName, projection, null);
  }

  /** {@return the session's view; {@code kinds}, when given, tells provider-native tools from function tools} */
  static SessionView view(SessionSummary summary, Optional<String> displayName, Projection projection, ToolKinds kinds) {
    SessionState state = projection.state();
    ObjectNode config = state.lifecycle() == Lifecycle.NEW ? null : EngineJson.toTree(state.config().document());
    return new SessionView(summary.id().value(), displayName.orElse(null), status(state), false, state.config().revision(), config,
        summary.createdAtMs(), summary.updatedAtMs(), ContextViews.context(state.context()), tools(state.tooling(), kinds),
        RunViews.recent(projection), null, null);
  }

  public static SessionSummaryView summary(SessionSummary summary, Optional<String> displayName) {
    return new SessionSummaryView(summary.id().value(), displayName.orElse(null),
        SessionLifecycleStatus.fromWire(summary.lifecycle().wireName()), false, summary.createdAtMs(), summary.updatedAtMs());
  }

  static SessionStatus status(SessionState state) {
    return switch (state.lifecycle()) {
      case NEW -> SessionStatus.NOT_LOADED;
      case OPEN -> state.runs().busy() ? SessionStatus.ACTIVE : SessionStatus.IDLE;
      case CLOSED -> SessionStatus.CLOSED;
    };
  }

  private static ActiveToolsView tools(ToolingState tooling, ToolKinds kinds) {
    List<ToolView> tools = tooling.tools().values().stream().map(spec -> tool(spec, kinds)).toList();
    return new ActiveToolsView(tooling.revision(), tools);
  }

  private static ToolView tool(ToolSpec spec, ToolKinds kinds) {
    ObjectNode kind = kinds != null ? kinds.kind(spec)
        : JsonNodeFactory.instance.objectNode().put("type", "function").put("inputSchemaRef", spec.spec().toString());
    return new ToolView(spec.name(), kind, ToolParallelismView.fromWire(spec.parallelism().wireName()));
  }
}
