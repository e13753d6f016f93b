package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code AgentApiError}, sent as {@code error.data}: the typed part of a JSON-RPC error that
 * clients branch on, with the message repeated so the data object stands alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorData(ErrorKind kind, String message) {
  public ErrorData {
    Fields.required(kind, "kind");
    Fields.required(message, "message");
  }
}
