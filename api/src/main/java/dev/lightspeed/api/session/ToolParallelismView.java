package dev.lightspeed.api.session;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.lightspeed.api.WireValue;

/**
 * The contract's {@code ToolParallelismView}: whether a tool may run alongside others in one batch.
 */
public enum ToolParallelismView implements WireValue {
  EXCLUSIVE("exclusive"),
  PARALLEL_SAFE("parallelSafe");

  private final String wire;

  ToolParallelismView(String wire) {
    this.wire = wire;
  }

  @JsonValue
  @Override
  public String wire() {
    return wire;
  }

  /** {@return the constant spelled {@code wire}} */
  public static ToolParallelismView fromWire(String wire) {
    return WireValue.parse(ToolParallelismView.class, wire);
  }
}
