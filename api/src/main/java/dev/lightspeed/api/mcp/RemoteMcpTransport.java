package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/** The contract's {@code RemoteMcpTransport}: how to reach a remote server; {@code auto} means Streamable HTTP here. */
public enum RemoteMcpTransport implements WireValue {
  STREAMABLE_HTTP("streamableHttp"),
  SSE("sse"),
  AUTO("auto");

  private final String wire;

  RemoteMcpTransport(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static RemoteMcpTransport fromWire(String wire) {
    return WireValue.parse(RemoteMcpTransport.class, wire);
  }
}
