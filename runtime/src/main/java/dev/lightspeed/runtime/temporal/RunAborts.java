package dev.lightspeed.runtime.temporal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs whose effects should stop now, as told to this process by the workflow's local abort activity. The
 * session log tells effects on any worker within a heartbeat; in the usual single-process deployment this
 * registry makes a cancel cut the provider call within milliseconds. Entries expire on their own, so the
 * registry does not grow with the number of runs ever cancelled.
 */
public final class RunAborts {
  private static final long EXPIRE_NANOS = 15L * 60 * 1_000_000_000L;

  private final Map<String, Long> aborted = new ConcurrentHashMap<>();

  void abort(String universe, String session, long run) {
    long now = System.nanoTime();
    aborted.values().removeIf(at -> now - at > EXPIRE_NANOS);
    aborted.put(key(universe, session, run), now);
  }

  boolean isAborted(String universe, String session, long run) {
    return !aborted.isEmpty() && aborted.containsKey(key(universe, session, run));
  }

  private static String key(String universe, String session, long run) {
    return universe + "/" + session + "#" + run;
  }
}
