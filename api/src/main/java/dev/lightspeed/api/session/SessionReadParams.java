package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/** Params of {@code session/read}: the session to read. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionReadParams(String sessionId) {
  public SessionReadParams {
    Fields.required(sessionId, "sessionId");
  }
}
