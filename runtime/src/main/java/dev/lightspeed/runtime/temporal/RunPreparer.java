package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.context.ContextItem;
import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.UniverseId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a run before its first turn: brings the context entries the host derives from the world (the file
 * catalog from the current workspace heads; later instruction files and skill catalogs) up to date with
 * {@code state}. Runs inside an activity, so it may read stores and write blobs.
 */
@FunctionalInterface
public interface RunPreparer {
  /** Changes nothing: for hosts that derive no entries from the world. */
  RunPreparer NONE = (universe, state, run) -> PreparationResult.unchanged(run);

  PreparationResult prepare(UniverseId universe, SessionState state, long run);

  /** {@return a preparer that runs each of {@code parts} in turn and reports all their changes} */
  static RunPreparer all(RunPreparer... parts) {
    List<RunPreparer> list = List.of(parts);
    return (universe, state, run) -> {
      List<ContextItem> applied = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (RunPreparer part : list) {
        PreparationResult r = part.prepare(universe, state, run);
        applied.addAll(r.applied());
        removed.addAll(r.removedKeys());
      }
      return new PreparationResult(run, applied, removed);
    };
  }
}
