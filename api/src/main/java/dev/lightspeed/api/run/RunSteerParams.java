package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import dev.lightspeed.api.input.InputItem;
import java.util.List;

/**
 * Params of {@code session/runs/steer}: input for the session's active run, delivered at its next turn
 * boundary. Steering a finished or cancelling run is rejected so it never lands on the next run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSteerParams(String sessionId, String runId, List<InputItem> items) {
  public RunSteerParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(runId, "runId");
    items = Fields.requiredList(items, "items");
  }
}
