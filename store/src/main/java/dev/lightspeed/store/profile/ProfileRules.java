package dev.lightspeed.store.profile;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;
import java.util.OptionalLong;

/** The rules every {@link ProfileStore} applies, in one place so backends cannot drift apart. */
public final class ProfileRules {
  private ProfileRules() {}

  /** {@return a new profile holding {@code document}, created and updated at {@code nowMs}} */
  public static Profile created(ProfileId id, Json.Obj document, long nowMs) {
    return new Profile(id, document, Profile.FIRST_REVISION, nowMs, nowMs);
  }

  /**
   * {@return the profile after a put of {@code document} at {@code nowMs}: {@code current} replaced, or a new
   * profile when {@code current} is null}
   *
   * @throws ProfileConflictException when {@code current} exists at another revision than {@code expected}
   */
  public static Profile put(UniverseId universe, ProfileId id, Profile current, OptionalLong expected, Json.Obj document, long nowMs) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(document, "document");
    if (current == null) return created(id, document, nowMs);
    if (expected.isPresent() && expected.getAsLong() != current.revision()) {
      throw new ProfileConflictException(universe, id, expected.getAsLong(), current.revision());
    }
    return new Profile(id, document, current.revision() + 1, current.createdAtMs(), Math.max(nowMs, current.updatedAtMs()));
  }
}
