package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.input.InputAdmissionFailureView;

/**
 * The contract's {@code ContextAppendResult}: what happened to one appended key. {@code entry} is set when
 * applied, {@code failure} when failed; {@code activationText} carries a skill activation's text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextAppendResult(
    String key,
    ContextAppendStatus status,
    ContextEntryInputView entry,
    InputAdmissionFailureView failure,
    String activationText,
    Boolean activationTextTruncated) {
  public ContextAppendResult {
    Fields.required(key, "key");
    Fields.required(status, "status");
  }
}
