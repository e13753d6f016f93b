package dev.lightspeed.engine.session;

import dev.lightspeed.engine.context.ContextState;
import dev.lightspeed.engine.run.RunsState;
import dev.lightspeed.engine.tool.ToolingState;
import java.util.Objects;

/**
 * The whole state of one session: a pure fold of its event log. {@code head} is the sequence number of the
 * last applied entry (0 for a fresh session).
 */
public record SessionState(long head, Lifecycle lifecycle, ConfigState config, RunsState runs, ContextState context, ToolingState tooling) {
  /** The state of a session whose log is empty. */
  public static final SessionState INITIAL =
      new SessionState(0, Lifecycle.NEW, ConfigState.EMPTY, RunsState.EMPTY, ContextState.EMPTY, ToolingState.EMPTY);

  public SessionState {
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(runs, "runs");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(tooling, "tooling");
  }

  public SessionState withHead(long h) {
    return new SessionState(h, lifecycle, config, runs, context, tooling);
  }

  public SessionState withLifecycle(Lifecycle l) {
    return new SessionState(head, l, config, runs, context, tooling);
  }

  public SessionState withConfig(ConfigState c) {
    return new SessionState(head, lifecycle, c, runs, context, tooling);
  }

  public SessionState withRuns(RunsState r) {
    return new SessionState(head, lifecycle, config, r, context, tooling);
  }

  public SessionState withContext(ContextState c) {
    return new SessionState(head, lifecycle, config, runs, c, tooling);
  }

  public SessionState withTooling(ToolingState t) {
    return new SessionState(head, lifecycle, config, runs, context, t);
  }

  /** {@return whether a model turn is open (requested or answered and its tools running)} */
  public boolean turnOpen() {
    return runs.active().flatMap(r -> r.openTurn()).isPresent();
  }
}
