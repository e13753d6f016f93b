package dev.lightspeed.api.input;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** The contract's {@code InputAdmissionFailureView}: why one input item was refused, typed and human readable. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputAdmissionFailureView(InputAdmissionFailureKind kind, String message) {
  public InputAdmissionFailureView {
    Fields.required(kind, "kind");
    Fields.required(message, "message");
  }
}
