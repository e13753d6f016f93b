package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.ToolSpec;
import dev.lightspeed.store.UniverseId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prepares a run before its first turn: brings the context entries the host derives from the world (the file
 * catalog from the current workspace heads; later instruction files and skill catalogs) up to date with
 * {@code state}, and the tool set when it depends on the world too (MCP servers). Runs inside an activity, so it
 * may read stores, write blobs and call out.
 */
@FunctionalInterface
public interface RunPreparer {
  /** Changes nothing: for hosts that derive no entries from the world. */
  RunPreparer NONE = (universe, state, run) -> PreparationResult.unchanged(run);

  PreparationResult prepare(UniverseId universe, SessionState state, long run);

  /** {@return a preparer that runs each of {@code parts} in turn and reports all their changes (the last tool set wins)} */
  static RunPreparer all(RunPreparer... parts) {
    List<RunPreparer> list = List.of(parts);
    return (universe, state, run) -> {
      List<ContextItem> applied = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      Optional<List<ToolSpec>> tools = Optional.empty();
      for (RunPreparer part : list) {
        PreparationResult r = part.prepare(universe, state, run);
        applied.addAll(r.applied());
        removed.addAll(r.removedKeys());
        if (r.tools().isPresent()) tools = r.tools();
      }
      return new PreparationResult(run, applied, removed, tools);
    };
  }
}
