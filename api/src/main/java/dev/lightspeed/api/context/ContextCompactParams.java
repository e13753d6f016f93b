package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code session/context/compact}: the session whose context to compact now. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextCompactParams(String sessionId) {
  public ContextCompactParams {
    Fields.required(sessionId, "sessionId");
  }
}
