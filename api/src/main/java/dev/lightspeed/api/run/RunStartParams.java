package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * Params of {@code session/runs/start}. {@code submissionId} is the client's idempotency key: a retry with
 * the same id and inputs returns the original run, the same id with changed inputs is rejected.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStartParams(
    String sessionId,
    RunStartSource source,
    RunStartConfig config,
    String submissionId,
    RunTerminalNotificationInput notifyOnTerminal) {
  public RunStartParams {
    Fields.required(sessionId, "sessionId");
    Fields.required(source, "source");
  }

  /** {@return params with only the required members} */
  public static RunStartParams of(String sessionId, RunStartSource source) {
    return new RunStartParams(sessionId, source, null, null, null);
  }
}
