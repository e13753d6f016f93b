package dev.lightspeed.api.run;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code RunStatus}: a run's progress, from queued to one of the three terminal states.
 */
public enum RunStatus implements WireValue {
  QUEUED("queued"),
  RUNNING("running"),
  CANCELLING("cancelling"),
  COMPLETED("completed"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String wire;

  RunStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static RunStatus fromWire(String wire) {
    return WireValue.parse(RunStatus.class, wire);
  }
}
