package dev.lightspeed.runtime.temporal;

/**
 * What became of an admission: admitted (its events, if any, are committed up to {@code head}; {@code run}
 * is the run it created or addressed, or 0) or rejected with the engine's rejection kind and message.
 */
public record AdmissionOutcome(String id, boolean admitted, long run, long head, String rejectionKind, String message) {
  static AdmissionOutcome admitted(String id, long run, long head) {
    return new AdmissionOutcome(id, true, run, head, null, null);
  }

  static AdmissionOutcome rejected(String id, String kind, String message, long head) {
    return new AdmissionOutcome(id, false, 0, head, kind, message);
  }
}
