package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.lightspeed.api.Protocol;

/**
 * A JSON-RPC 2.0 response: exactly one of {@code result} (an {@link Outcome} as a tree) and {@code error} is
 * present on the wire, and {@code id} is always written, as {@code null} when the request's id could not be
 * read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RpcResponse(
    String jsonrpc,
    @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode id,
    JsonNode result,
    RpcError error) {
  public RpcResponse {
    if (jsonrpc == null) jsonrpc = Protocol.JSONRPC_VERSION;
    if (id == null) id = NullNode.getInstance();
    if ((result == null) == (error == null)) {
      throw new IllegalArgumentException("a JSON-RPC response has exactly one of result and error");
    }
  }

  /** {@return a success response echoing {@code id}} */
  public static RpcResponse success(JsonNode id, JsonNode result) {
    return new RpcResponse(Protocol.JSONRPC_VERSION, id, result, null);
  }

  /** {@return an error response echoing {@code id} (null when it could not be read)} */
  public static RpcResponse failure(JsonNode id, RpcError error) {
    return new RpcResponse(Protocol.JSONRPC_VERSION, id, null, error);
  }

  /** {@return whether this is an error response} */
  @JsonIgnore
  public boolean isError() {
    return error != null;
  }
}
