package dev.lightspeed.runtime.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Local activities the session workflow uses to reach effects running in its own process. */
@ActivityInterface
public interface AbortActivities {
  /** Asks every effect of run {@code run} running in this process to stop now. */
  @ActivityMethod
  void abortRun(String universe, String session, long run);
}
