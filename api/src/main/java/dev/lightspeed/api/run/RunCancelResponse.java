package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/runs/cancel}: the run, now cancelling or already finished. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCancelResponse(RunView run) {
  public RunCancelResponse {
    Fields.required(run, "run");
  }
}
