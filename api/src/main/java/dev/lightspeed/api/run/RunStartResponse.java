package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Result of {@code session/runs/start}: the accepted (possibly queued) run. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStartResponse(RunView run) {
  public RunStartResponse {
    Fields.required(run, "run");
  }
}
