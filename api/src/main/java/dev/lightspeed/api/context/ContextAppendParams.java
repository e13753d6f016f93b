package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Params of {@code session/context/append}: keyed entries to add to a session's active context. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextAppendParams(String sessionId, List<ContextAppendEntry> entries) {
  public ContextAppendParams {
    Fields.required(sessionId, "sessionId");
    entries = Fields.requiredList(entries, "entries");
  }
}
