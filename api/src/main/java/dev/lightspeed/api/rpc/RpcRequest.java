package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Protocol;

/**
 * A JSON-RPC 2.0 request as it travels. {@code id} stays a {@link JsonNode} because JSON-RPC allows a
 * number, a string or null and the response must echo it unchanged; a Java null {@code id} means the member
 * was absent (a notification), a {@link com.fasterxml.jackson.databind.node.NullNode} means {@code "id": null}.
 * {@code params} stays a tree until the method is known, then goes through {@code ApiJson.readParams}.
 * Nothing is checked here so a malformed request can still be answered with its id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RpcRequest(String jsonrpc, JsonNode id, String method, JsonNode params) {
  /** {@return a well-formed request with {@code jsonrpc} set to {@value Protocol#JSONRPC_VERSION}} */
  public static RpcRequest of(JsonNode id, String method, JsonNode params) {
    return new RpcRequest(Protocol.JSONRPC_VERSION, id, method, params);
  }

  /** {@return whether the request carries no {@code id} member and so expects no response} */
  @JsonIgnore
  public boolean isNotification() {
    return id == null;
  }
}
