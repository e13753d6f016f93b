package dev.lightspeed.store.profile;

import dev.lightspeed.store.UniverseId;

/** A profile was created under an id the universe already uses. */
public final class ProfileExistsException extends ProfileException {
  public ProfileExistsException(UniverseId universe, ProfileId profile) {
    super(universe, profile, "profile already exists: " + profile);
  }
}
