package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code SessionStatus}: whether a session's workflow is loaded and working, as shown in
 * {@link SessionView#status()} and the {@code session/status/changed} notification.
 */
public enum SessionStatus implements WireValue {
  NOT_LOADED("notLoaded"),
  IDLE("idle"),
  ACTIVE("active"),
  CLOSED("closed"),
  ERROR("error");

  private final String wire;

  SessionStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static SessionStatus fromWire(String wire) {
    return WireValue.parse(SessionStatus.class, wire);
  }
}
