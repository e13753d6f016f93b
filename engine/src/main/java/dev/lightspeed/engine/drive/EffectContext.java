package dev.lightspeed.engine.drive;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What an effect (a model call, a tool call, a compaction) knows about where it runs: the session it
 * serves, and whether it has been asked to stop. Hosts also interrupt the effect's thread on abort, so
 * blocking I/O that honours interruption ends promptly. {@code universe} and {@code session} are the
 * session's ids, for scoping blob reads and writes.
 */
public record EffectContext(String universe, String session, long run, BooleanSupplier abortSignal) {
  public EffectContext {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(abortSignal, "abortSignal");
  }

  /** {@return true once the host wants this effect to stop (the run is cancelling or gone)} */
  public boolean aborted() {
    return abortSignal.getAsBoolean();
  }
}
