package dev.lightspeed.engine.core;

/** The next turn cannot be planned from the session's state; the run fails with an internal error. */
public final class PlanningException extends RuntimeException {
  public PlanningException(String message) {
    super(message);
  }
}
