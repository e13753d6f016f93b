package dev.lightspeed.engine.event;

import dev.lightspeed.engine.log.Joins;

/**
 * Something that happened to a session, as recorded in its event log. The permitted families are the
 * whole vocabulary; each variant names its stored kind ({@code lightspeed.core.<family>.<variant>}) and
 * payload version.
 */
public sealed interface Event permits LifecycleEvent, RunEvent, TurnEvent, ContextEvent, ToolEvent, ToolsEvent {
  /** {@return the stored kind, e.g. {@code lightspeed.core.run.accepted}} */
  String kind();

  /** {@return the payload schema version} */
  default int version() {
    return 1;
  }

  /** {@return the ids this event belongs to} */
  Joins joins();
}
