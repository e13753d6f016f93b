package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ModelSource}: where a listed model came from.
 */
public enum ModelSource implements WireValue {
  PROVIDER("provider");

  private final String wire;

  ModelSource(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ModelSource fromWire(String wire) {
    return WireValue.parse(ModelSource.class, wire);
  }
}
