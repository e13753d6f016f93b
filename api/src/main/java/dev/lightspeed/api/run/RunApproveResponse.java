package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/runs/approve}: the run as of the decision's admission. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunApproveResponse(RunView run) {
  public RunApproveResponse {
    Fields.required(run, "run");
  }
}
