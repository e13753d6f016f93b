package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ContextMessageRoleView}: who spoke a message entry.
 */
public enum ContextMessageRoleView implements WireValue {
  USER("user"),
  ASSISTANT("assistant");

  private final String wire;

  ContextMessageRoleView(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ContextMessageRoleView fromWire(String wire) {
    return WireValue.parse(ContextMessageRoleView.class, wire);
  }
}
