package dev.lightspeed.engine.event;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.Joins;
import java.util.Objects;

/** The session was opened, reconfigured or closed. */
public sealed interface LifecycleEvent extends Event {
  @Override
  default Joins joins() {
    return Joins.NONE;
  }

  /** The session opened with an initial config document (revision 1). */
  record Opened(Json.Obj config) implements LifecycleEvent {
    public static final String KIND = "lightspeed.core.lifecycle.opened";

    public Opened {
      Objects.requireNonNull(config, "config");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The config document was replaced whole; {@code revision} is the new revision. */
  record ConfigChanged(long revision, Json.Obj config) implements LifecycleEvent {
    public static final String KIND = "lightspeed.core.lifecycle.config_changed";

    public ConfigChanged {
      Objects.requireNonNull(config, "config");
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** The session closed; {@code forced} when active or queued runs were cancelled to close it. */
  record Closed(boolean forced) implements LifecycleEvent {
    public static final String KIND = "lightspeed.core.lifecycle.closed";

    @Override
    public String kind() {
      return KIND;
    }
  }
}
