package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ModelProviderCredentialSource}: which level the provider credential was found at.
 */
public enum ModelProviderCredentialSource implements WireValue {
  NONE("none"),
  UNIVERSE("universe"),
  DEPLOYMENT("deployment");

  private final String wire;

  ModelProviderCredentialSource(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ModelProviderCredentialSource fromWire(String wire) {
    return WireValue.parse(ModelProviderCredentialSource.class, wire);
  }
}
