package dev.lightspeed.api.context;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code TokenEstimateQualityView}: how far a {@link TokenEstimateView} can be trusted.
 */
public enum TokenEstimateQualityView implements WireValue {
  EXACT("exact"),
  PROVIDER_COUNTED("providerCounted"),
  ESTIMATED("estimated");

  private final String wire;

  TokenEstimateQualityView(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static TokenEstimateQualityView fromWire(String wire) {
    return WireValue.parse(TokenEstimateQualityView.class, wire);
  }
}
