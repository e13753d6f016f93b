package dev.lightspeed.runtime.temporal;

/** Application failure types the session workflow and its activities agree on. */
public final class Failures {
  /** The folded state exceeds the bootstrap size guard; retrying cannot help. */
  public static final String STATE_TOO_LARGE = "StateTooLarge";
  /** The session has no log. */
  public static final String SESSION_NOT_FOUND = "SessionNotFound";
  /** The log cannot be replayed. */
  public static final String LOG_CORRUPTED = "LogCorrupted";
  /** A provider error worth retrying (rate limit, overload, server error, broken stream). */
  public static final String PROVIDER_TRANSIENT = "ProviderTransient";
  /** An effect stopped early without being asked to (a worker shutting down); retrying runs it again. */
  public static final String EFFECT_INTERRUPTED = "EffectInterrupted";
  /** The append raced another writer; the workflow must reload. */
  public static final String APPEND_CONFLICT = "AppendConflict";

  private Failures() {}
}
