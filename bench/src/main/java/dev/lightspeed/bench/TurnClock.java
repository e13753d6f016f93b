package dev.lightspeed.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Times noted by a scripted tool each time it runs. With a model and tools that answer at once, the time
 * from one tool call to the next is what the host spends on a whole tool-round turn: handing the tool result
 * back, appending, scheduling and rebuilding the next request, the (instant) generation, appending again and
 * dispatching the next call. Thread-safe.
 */
final class TurnClock {
  private final List<Long> ticks = new ArrayList<>();

  synchronized void tick() {
    ticks.add(System.nanoTime());
  }

  /** {@return the ticks (nanoTime) noted since the last call, oldest first} and forgets them. */
  synchronized List<Long> drain() {
    List<Long> all = List.copyOf(ticks);
    ticks.clear();
    return all;
  }
}
