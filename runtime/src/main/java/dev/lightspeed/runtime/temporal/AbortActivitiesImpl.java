package dev.lightspeed.runtime.temporal;

import java.util.Objects;

/** Flips the process's {@link RunAborts} entries for the workflow. */
public final class AbortActivitiesImpl implements AbortActivities {
  private final RunAborts aborts;

  public AbortActivitiesImpl(RunAborts aborts) {
    this.aborts = Objects.requireNonNull(aborts, "aborts");
  }

  @Override
  public void abortRun(String universe, String session, long run) {
    aborts.abort(universe, session, run);
  }
}
