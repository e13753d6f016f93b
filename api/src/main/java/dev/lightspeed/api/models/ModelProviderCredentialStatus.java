package dev.lightspeed.api.models;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ModelProviderCredentialStatus}: whether a provider can be called with the
 * credentials the server holds.
 */
public enum ModelProviderCredentialStatus implements WireValue {
  CONFIGURED("configured"),
  MISSING("missing"),
  INVALID("invalid"),
  NOT_REQUIRED("notRequired");

  private final String wire;

  ModelProviderCredentialStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ModelProviderCredentialStatus fromWire(String wire) {
    return WireValue.parse(ModelProviderCredentialStatus.class, wire);
  }
}
