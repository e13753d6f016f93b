package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/** Result of {@code session/context/remove}: the context revision after the call and one result per key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextRemoveResponse(long contextRevision, List<ContextRemoveResult> results) {
  public ContextRemoveResponse {
    Fields.unsigned(contextRevision, "contextRevision");
    results = Fields.requiredList(results, "results");
  }
}
