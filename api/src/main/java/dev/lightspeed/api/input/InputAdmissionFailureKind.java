package dev.lightspeed.api.input;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code InputAdmissionFailureKind}: why one input item was not admitted, so a client can
 * tell a missing blob from unsupported media without parsing the message.
 */
public enum InputAdmissionFailureKind implements WireValue {
  UNSUPPORTED_MEDIA("unsupportedMedia"),
  UNSUPPORTED_AUDIO_MIME("unsupportedAudioMime"),
  BLOB_MISSING("blobMissing"),
  BLOB_TOO_LARGE("blobTooLarge"),
  AUDIO_DURATION_TOO_LONG("audioDurationTooLong"),
  TRANSCODER_UNAVAILABLE("transcoderUnavailable"),
  TRANSCODE_FAILURE("transcodeFailure"),
  TRANSCRIPTION_FAILURE("transcriptionFailure"),
  ADMISSION_REJECTED("admissionRejected");

  private final String wire;

  InputAdmissionFailureKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static InputAdmissionFailureKind fromWire(String wire) {
    return WireValue.parse(InputAdmissionFailureKind.class, wire);
  }
}
