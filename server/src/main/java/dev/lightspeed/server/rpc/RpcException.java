package dev.lightspeed.server.rpc;

import dev.lightspeed.api.rpc.ErrorCodes;
import dev.lightspeed.api.rpc.ErrorKind;
import dev.lightspeed.api.rpc.RpcError;
import java.util.Objects;

/**
 * A call failed in a way the caller should hear about: carries the contract's JSON-RPC error (code,
 * message, {@code data.kind}). Method handlers throw it; {@link RpcEndpoint} turns it into the response, so
 * no handler writes errors itself. The message says what to do next, never how the server is built.
 */
public final class RpcException extends RuntimeException {
  private final RpcError error;

  public RpcException(int code, ErrorKind kind, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.error = RpcError.of(code, Objects.requireNonNull(kind, "kind"), message);
  }

  /** {@return the error with {@code kind}'s default code} */
  public static RpcException of(ErrorKind kind, String message) {
    return new RpcException(ErrorCodes.defaultCode(kind), kind, message);
  }

  /** The params are well-formed JSON but not acceptable: {@code -32602}, {@code invalid_request}. */
  public static RpcException invalidParams(String message) {
    return new RpcException(ErrorCodes.INVALID_PARAMS, ErrorKind.INVALID_REQUEST, message);
  }

  /** The addressed session, run or blob does not exist: {@code -32004}, {@code not_found}. */
  public static RpcException notFound(String message) {
    return of(ErrorKind.NOT_FOUND, message);
  }

  /** The call is not allowed in the current state: {@code -32010}, {@code rejected}. */
  public static RpcException rejected(String message) {
    return of(ErrorKind.REJECTED, message);
  }

  /** The server failed: {@code -32603}, {@code internal}. */
  public static RpcException internal(String message) {
    return of(ErrorKind.INTERNAL, message);
  }

  /** {@return the JSON-RPC error to answer with} */
  public RpcError error() {
    return error;
  }
}
