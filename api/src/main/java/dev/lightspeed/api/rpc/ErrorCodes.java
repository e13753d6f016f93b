package dev.lightspeed.api.rpc;

/**
 * The JSON-RPC {@code error.code} values the server uses. They are stable so clients can match on the code
 * as well as on {@link ErrorKind}; the JSON-RPC 2.0 reserved codes keep their standard meaning.
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** The request body is not JSON. */
  public static final int PARSE_ERROR = -32700;
  /** The body is JSON but not a JSON-RPC 2.0 request object. */
  public static final int INVALID_REQUEST = -32600;
  /** No such method. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** The params do not match the method's params type (unknown or missing member, wrong type or value). */
  public static final int INVALID_PARAMS = -32602;
  /** A server fault. */
  public static final int INTERNAL = -32603;
  /** The addressed session, run, blob, ... does not exist. */
  public static final int NOT_FOUND = -32004;
  /** The call conflicts with the current state (revision mismatch, reused id with different inputs). */
  public static final int CONFLICT = -32009;
  /** The call is well formed but not allowed in the current state (e.g. a run already active). */
  public static final int REJECTED = -32010;
  /** The session's workflow failed to bootstrap and cannot serve calls. */
  public static final int SESSION_BOOTSTRAP_FAILED = -32013;

  /**
   * {@return the code to send with {@code kind} when nothing more specific applies} Input-admission kinds
   * (unsupported or oversized audio) are the caller's fault and map to {@link #INVALID_PARAMS}; transcoding
   * failures are the server's and map to {@link #INTERNAL}.
   */
  public static int defaultCode(ErrorKind kind) {
    return switch (kind) {
      case INVALID_REQUEST, UNSUPPORTED_AUDIO_MIME, AUDIO_BLOB_TOO_LARGE, AUDIO_DURATION_TOO_LONG -> INVALID_PARAMS;
      case NOT_FOUND -> NOT_FOUND;
      case CONFLICT -> CONFLICT;
      case REJECTED -> REJECTED;
      case SESSION_BOOTSTRAP_FAILED -> SESSION_BOOTSTRAP_FAILED;
      case TRANSCODER_UNAVAILABLE, TRANSCODE_FAILURE, TRANSCRIPTION_FAILURE, INTERNAL -> INTERNAL;
    };
  }
}
