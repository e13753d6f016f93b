package dev.lightspeed.store.profile;

import dev.lightspeed.engine.json.Json;
import java.util.Objects;

/**
 * A stored profile: its id, its document (everything a client wrote except the id: display name,
 * description, config, instructions, ...; the store keeps it as given and does not interpret it), and a
 * revision that starts at {@link #FIRST_REVISION} and grows by one with every replacement.
 */
public record Profile(ProfileId id, Json.Obj document, long revision, long createdAtMs, long updatedAtMs) {
  /** The revision of a profile just created. */
  public static final long FIRST_REVISION = 1;

  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    if (revision < FIRST_REVISION) throw new IllegalArgumentException("revision < " + FIRST_REVISION + ": " + revision);
  }
}
