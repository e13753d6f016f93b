package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.input.InputAdmissionFailureView;

/** The contract's {@code ContextRemoveResult}: what happened to one removed key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextRemoveResult(String key, ContextRemoveStatus status, InputAdmissionFailureView failure) {
  public ContextRemoveResult {
    Fields.required(key, "key");
    Fields.required(status, "status");
  }
}
