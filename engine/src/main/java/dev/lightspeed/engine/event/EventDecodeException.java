package dev.lightspeed.engine.event;

/**
 * A stored event could not be turned back into a typed {@link Event}: its kind is not in this build's
 * vocabulary, its payload version is one this build does not read, or its payload does not have the shape
 * the kind's schema requires. In every case the log holds something this build cannot replay, so callers
 * treat it as corruption or as a log written by a newer build, never as a transient failure.
 */
public final class EventDecodeException extends RuntimeException {

  /** Why decoding failed; callers branch on this rather than on the message. */
  public enum Reason {
    /** The kind is not one this build knows. */
    UNKNOWN_KIND,
    /** The kind is known but its payload version is not the one this build reads. */
    UNSUPPORTED_VERSION,
    /** A field is missing, mistyped or holds an invalid value; the cause says which. */
    MALFORMED_PAYLOAD
  }

  private final Reason reason;
  private final String kind;
  private final int version;

  private EventDecodeException(Reason reason, String kind, int version, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.kind = kind;
    this.version = version;
  }

  static EventDecodeException unknownKind(String kind, int version) {
    return new EventDecodeException(Reason.UNKNOWN_KIND, kind, version, "unknown event kind \"" + kind + "\"", null);
  }

  static EventDecodeException unsupportedVersion(String kind, int version, int readable) {
    return new EventDecodeException(Reason.UNSUPPORTED_VERSION, kind, version,
        "unsupported version " + version + " of event kind \"" + kind + "\" (this build reads version " + readable + ")", null);
  }

  static EventDecodeException malformedPayload(String kind, int version, RuntimeException cause) {
    return new EventDecodeException(Reason.MALFORMED_PAYLOAD, kind, version,
        "malformed payload of event kind \"" + kind + "\": " + cause.getMessage(), cause);
  }

  public Reason reason() {
    return reason;
  }

  /** {@return the stored kind of the event that failed to decode} */
  public String kind() {
    return kind;
  }

  /** {@return the stored payload version of the event that failed to decode} */
  public int version() {
    return version;
  }
}
