package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ContextRemoveStatus}: the per-key result of {@code session/context/remove};
 * {@code absent} makes retries idempotent.
 */
public enum ContextRemoveStatus implements WireValue {
  REMOVED("removed"),
  ABSENT("absent"),
  FAILED("failed");

  private final String wire;

  ContextRemoveStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ContextRemoveStatus fromWire(String wire) {
    return WireValue.parse(ContextRemoveStatus.class, wire);
  }
}
