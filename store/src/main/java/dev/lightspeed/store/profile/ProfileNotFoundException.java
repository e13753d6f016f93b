package dev.lightspeed.store.profile;

import dev.lightspeed.store.UniverseId;

/** The universe holds no profile with this id (it never existed or was deleted). */
public final class ProfileNotFoundException extends ProfileException {
  public ProfileNotFoundException(UniverseId universe, ProfileId profile) {
    super(universe, profile, "profile not found: " + profile);
  }
}
