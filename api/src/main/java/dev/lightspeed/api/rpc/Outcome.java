package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Fields;
import java.util.List;

/**
 * The contract's {@code AgentApiOutcome<T>} envelope every successful call's {@code result} is wrapped in:
 * the method's response plus, optionally, the {@code AgentNotification}s the call produced. Notifications
 * stay trees ({@code {"method": ..., "params": ...}}) because the server builds them from views it already has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Outcome<T>(T result, List<JsonNode> notifications) {
  public Outcome {
    Fields.required(result, "result");
    notifications = Fields.optionalList(notifications, "notifications");
  }

  /** {@return an outcome without notifications} */
  public static <T> Outcome<T> of(T result) {
    return new Outcome<>(result, null);
  }
}
