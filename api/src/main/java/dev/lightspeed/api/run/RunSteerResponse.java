package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/runs/steer}: the id of the accepted steering batch and the run it joined. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSteerResponse(String steeringId, RunView run) {
  public RunSteerResponse {
    Fields.required(steeringId, "steeringId");
    Fields.required(run, "run");
  }
}
