package dev.lightspeed.cli.gateway;

import java.util.Objects;

/**
 * The gateway answered a call with a JSON-RPC error. {@link #kind()} is the contract's error kind
 * ({@code not_found}, {@code rejected}, ...) or, for protocol errors that carry none, a name derived from the
 * code, so the line the user sees always says what class of problem it was.
 */
public final class GatewayException extends ClientException {
  private final String method;
  private final long code;
  private final String kind;

  public GatewayException(String method, long code, String kind, String message) {
    super(Objects.requireNonNull(message, "message"), null);
    this.method = Objects.requireNonNull(method, "method");
    this.code = code;
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** {@return the method that failed, e.g. {@code session/read}} */
  public String method() {
    return method;
  }

  /** {@return the JSON-RPC error code} */
  public long code() {
    return code;
  }

  /** {@return the error kind, e.g. {@code not_found}} */
  public String kind() {
    return kind;
  }

  @Override
  public String line() {
    return kind + ": " + getMessage();
  }

  /** {@return the kind a protocol-level error without {@code data.kind} is reported as} */
  static String kindOfCode(long code) {
    if (code == -32700) return "parse_error";
    if (code == -32600) return "invalid_request";
    if (code == -32601) return "method_not_found";
    if (code == -32602) return "invalid_request";
    if (code == -32004) return "not_found";
    if (code == -32009) return "conflict";
    if (code == -32010) return "rejected";
    return "internal";
  }
}
