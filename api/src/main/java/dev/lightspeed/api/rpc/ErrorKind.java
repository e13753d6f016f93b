package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code AgentApiErrorKind}: the machine-readable class of a failed call, carried in
 * {@code error.data.kind} so clients can branch on it without parsing messages.
 */
public enum ErrorKind implements WireValue {
  INVALID_REQUEST("invalid_request"),
  NOT_FOUND("not_found"),
  CONFLICT("conflict"),
  REJECTED("rejected"),
  UNSUPPORTED_AUDIO_MIME("unsupported_audio_mime"),
  AUDIO_BLOB_TOO_LARGE("audio_blob_too_large"),
  AUDIO_DURATION_TOO_LONG("audio_duration_too_long"),
  TRANSCODER_UNAVAILABLE("transcoder_unavailable"),
  TRANSCODE_FAILURE("transcode_failure"),
  TRANSCRIPTION_FAILURE("transcription_failure"),
  INTERNAL("internal"),
  /** The session's workflow exists but failed while rehydrating; a recovery problem, not a missing session. */
  SESSION_BOOTSTRAP_FAILED("session_bootstrap_failed");

  private final String wire;

  ErrorKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the kind spelled {@code wire}} */
  public static ErrorKind fromWire(String wire) {
    return WireValue.parse(ErrorKind.class, wire);
  }
}
