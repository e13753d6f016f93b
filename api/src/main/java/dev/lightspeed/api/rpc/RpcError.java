package dev.lightspeed.api.rpc;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lightspeed.api.Fields;

/**
 * The contract's {@code JsonRpcError}: a JSON-RPC 2.0 error object. {@code data} is absent for protocol
 * level failures (parse error, unknown method) and present for every agent API failure.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RpcError(long code, String message, ErrorData data) {
  public RpcError {
    Fields.required(message, "message");
  }

  /** {@return an agent API error of {@code kind} with its {@linkplain ErrorCodes#defaultCode default code}} */
  public static RpcError of(ErrorKind kind, String message) {
    return of(ErrorCodes.defaultCode(kind), kind, message);
  }

  /** {@return an agent API error of {@code kind} with an explicit {@code code}} */
  public static RpcError of(int code, ErrorKind kind, String message) {
    return new RpcError(code, message, new ErrorData(kind, message));
  }

  /** {@return a protocol-level error without {@code data}, e.g. {@link ErrorCodes#PARSE_ERROR}} */
  public static RpcError protocol(int code, String message) {
    return new RpcError(code, message, null);
  }
}
