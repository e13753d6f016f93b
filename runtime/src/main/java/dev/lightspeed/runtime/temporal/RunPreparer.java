package dev.lightspeed.runtime.temporal;

import dev.lightspeed.engine.drive.PreparationResult;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.store.UniverseId;

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
}
