package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/context/append}: the context revision after the call and one result per key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextAppendResponse(long contextRevision, List<ContextAppendResult> results) {
  public ContextAppendResponse {
    Fields.unsigned(contextRevision, "contextRevision");
    results = Fields.requiredList(results, "results");
  }
}
