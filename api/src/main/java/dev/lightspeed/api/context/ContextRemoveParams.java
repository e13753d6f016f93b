package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * Params of {@code session/context/remove}: active context keys to drop. Removing an absent key is a no-op,
 * so retries are safe; keys under reserved runtime namespaces ({@code run.}) are rejected.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextRemoveParams(String sessionId, List<String> keys) {
  public ContextRemoveParams {
    Fields.required(sessionId, "sessionId");
    keys = Fields.requiredList(keys, "keys");
  }
}
