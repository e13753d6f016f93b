package dev.lightspeed.api;

import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;

/**
 * A call's params do not fit its params type. The message names the method and the offending member so the
 * caller can fix the request, e.g. {@code session/start: unknown field "foo"}; the server answers it with
 * {@link #toRpcError()}.
 */
public final class InvalidParamsException extends RuntimeException {
  private final String method;
  private final String field;

  /**
   * @param method the JSON-RPC method, e.g. {@code "session/start"}
   * @param field the path of the offending member ({@code "source.items[0].type"}), or null when it concerns
   *     the params as a whole
   * @param problem what is wrong, e.g. {@code unknown field "foo"}
   */
  public InvalidParamsException(String method, String field, String problem, Throwable cause) {
    super(method + ": " + problem, cause);
    this.method = method;
    this.field = field;
  }

  /** {@return the method whose params were refused} */
  public String method() {
    return method;
  }

  /** {@return the path of the offending member, or null when the params as a whole were refused} */
  public String field() {
    return field;
  }

  /** {@return the JSON-RPC error to answer with: {@code -32602}, kind {@code invalid_request}} */
  public RpcError toRpcError() {
    return RpcError.of(ErrorCodes.INVALID_PARAMS, ErrorKind.INVALID_REQUEST, getMessage());
  }
}
