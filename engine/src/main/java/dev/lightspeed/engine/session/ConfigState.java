package dev.lightspeed.engine.session;

import dev.lightspeed.engine.json.Json;
import java.util.Objects;

/** The session's config document exactly as stored, its revision, and its parsed settings. */
public record ConfigState(Json.Obj document, long revision, SessionSettings settings) {
  public static final ConfigState EMPTY = new ConfigState(Json.Obj.EMPTY, 0, SessionSettings.DEFAULT);

  public ConfigState {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(settings, "settings");
  }
}
