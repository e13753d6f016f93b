package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/runs/approve} (ours, beyond the v1 contract): the decision on one tool call that
 * waits for approval, which unparks its run. {@code decision} is {@code approve} or {@code deny}; {@code note}
 * is what the person said: recorded with the decision, and given to the model as steering after the result.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunApproveParams(String sessionId, String runId, String callId, String decision, String note) {
  public RunApproveParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(runId, "runId");
    Fields.required(callId, "callId");
    Fields.required(decision, "decision");
    if (!decision.equals("approve") && !decision.equals("deny")) {
      throw new IllegalArgumentException("decision must be \"approve\" or \"deny\", not \"" + decision + "\"");
    }
  }

  public boolean approved() {
    return decision.equals("approve");
  }
}
