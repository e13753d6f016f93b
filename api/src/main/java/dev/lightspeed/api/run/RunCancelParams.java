package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code session/runs/cancel}: the run to cancel. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunCancelParams(String sessionId, String runId) {
  public RunCancelParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(runId, "runId");
  }
}
