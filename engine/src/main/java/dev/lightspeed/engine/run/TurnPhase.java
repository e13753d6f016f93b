package dev.lightspeed.engine.run;

/** Where the open turn of a run is. */
public enum TurnPhase {
  /** Opened; its request is not planned yet. */
  STARTED,
  /** Its request fingerprint is recorded; it has not been handed to the model. */
  PLANNED,
  /** The request went to the model and no result has been recorded. */
  GENERATING,
  /** The model's output is recorded; its tool calls (if any) are being run. */
  GENERATED
}
