package dev.lightspeed.store.profile;

import dev.lightspeed.store.StoreException;
import dev.lightspeed.store.UniverseId;
import java.util.Objects;

/** A profile-store failure about one profile: it names the universe and profile it concerns. */
public abstract class ProfileException extends StoreException {
  private final UniverseId universe;
  private final ProfileId profile;

  protected ProfileException(UniverseId universe, ProfileId profile, String message) {
    super(message);
    this.universe = Objects.requireNonNull(universe, "universe");
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  public UniverseId universe() {
    return universe;
  }

  public ProfileId profile() {
    return profile;
  }
}
