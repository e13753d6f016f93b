package dev.lightspeed.api.skills;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/** The contract's {@code SkillActivationScope}: an activation lasts for the next run, or for the session. */
public enum SkillActivationScope implements WireValue {
  RUN("run"),
  SESSION("session");

  private final String wire;

  SkillActivationScope(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static SkillActivationScope fromWire(String wire) {
    return WireValue.parse(SkillActivationScope.class, wire);
  }
}
