package dev.lightspeed.engine.core;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.SessionState;

/**
 * When a run waits for its host before the first turn. A session whose config grants host features
 * ({@code features}: files, MCP servers, skills) has context entries derived from the world outside the log,
 * such as the file catalog; the host brings them up to date before each run starts working, so a run queued
 * behind another sees the files as they are when it starts, not as they were when it was queued.
 */
public final class Preparation {
  private Preparation() {}

  /** {@return whether {@code run}, the active run of {@code s}, waits for {@code RunEvent.Prepared}} */
  public static boolean awaited(SessionState s, Run run) {
    return run.status() == RunStatus.RUNNING && !run.prepared() && run.turns() == 0 && run.openTurn().isEmpty()
        && grantsFeatures(s.config().document());
  }

  /** {@return whether a session with {@code config} grants host features, so its runs are prepared} */
  public static boolean grantsFeatures(Json.Obj config) {
    return config.findObject("features").map(f -> !f.members().isEmpty()).orElse(false);
  }
}
