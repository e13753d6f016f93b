package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code RunTerminalNotificationInput}: asks for a terminal emission to a managed session's
 * lifecycle controller; the caller supplies only the controller's dedup token. Closed to unknown members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunTerminalNotificationInput(String token) {
  public RunTerminalNotificationInput {
    Fields.required(token, "token");
  }
}
