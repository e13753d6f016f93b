package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code SessionLifecycleStatus}: where a session is in its life, as listed by
 * {@code session/list} without loading its workflow.
 */
public enum SessionLifecycleStatus implements WireValue {
  NEW("new"),
  OPEN("open"),
  CLOSED("closed");

  private final String wire;

  SessionLifecycleStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static SessionLifecycleStatus fromWire(String wire) {
    return WireValue.parse(SessionLifecycleStatus.class, wire);
  }
}
