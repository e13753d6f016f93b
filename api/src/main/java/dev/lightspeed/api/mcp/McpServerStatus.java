package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/** The contract's {@code McpServerStatus}: whether sessions may use a catalog server. */
public enum McpServerStatus implements WireValue {
  ACTIVE("active"),
  NEEDS_AUTH_CONFIG("needsAuthConfig"),
  UNVERIFIED("unverified"),
  DISABLED("disabled");

  private final String wire;

  McpServerStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static McpServerStatus fromWire(String wire) {
    return WireValue.parse(McpServerStatus.class, wire);
  }
}
