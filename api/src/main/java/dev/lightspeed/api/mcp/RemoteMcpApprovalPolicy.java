package dev.lightspeed.api.mcp;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/** The contract's {@code RemoteMcpApprovalPolicy}: whether a call waits for a person's approval first. */
public enum RemoteMcpApprovalPolicy implements WireValue {
  PROVIDER_DEFAULT("providerDefault"),
  ALWAYS("always"),
  NEVER("never");

  private final String wire;

  RemoteMcpApprovalPolicy(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static RemoteMcpApprovalPolicy fromWire(String wire) {
    return WireValue.parse(RemoteMcpApprovalPolicy.class, wire);
  }
}
