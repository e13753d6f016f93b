package dev.lightspeed.api.input;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code MediaKind}: how a {@link InputItem.Media} item is presented to the model.
 */
public enum MediaKind implements WireValue {
  IMAGE("image"),
  AUDIO("audio"),
  DOCUMENT("document");

  private final String wire;

  MediaKind(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static MediaKind fromWire(String wire) {
    return WireValue.parse(MediaKind.class, wire);
  }
}
