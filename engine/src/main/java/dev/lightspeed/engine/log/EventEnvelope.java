package dev.lightspeed.engine.log;

import dev.lightspeed.engine.json.Json;
import java.util.Objects;

/**
 * An event as stored: its kind ({@code lightspeed.core.<family>.<variant>}), the version of its payload
 * schema, and the payload. Stores treat envelopes as opaque data; only the engine's codec gives them types.
 */
public record EventEnvelope(String kind, int version, Json.Obj payload) {
  public EventEnvelope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payload, "payload");
    if (version < 1) throw new IllegalArgumentException("version < 1: " + version);
  }
}
