package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ContextAppendStatus}: the per-key result of {@code session/context/append}.
 */
public enum ContextAppendStatus implements WireValue {
  APPLIED("applied"),
  UNCHANGED("unchanged"),
  FAILED("failed");

  private final String wire;

  ContextAppendStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ContextAppendStatus fromWire(String wire) {
    return WireValue.parse(ContextAppendStatus.class, wire);
  }
}
