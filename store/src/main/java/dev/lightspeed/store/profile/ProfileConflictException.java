package dev.lightspeed.store.profile;

import dev.lightspeed.store.UniverseId;

/** A put named a revision the profile has moved past: someone else wrote first. Nothing was changed. */
public final class ProfileConflictException extends ProfileException {
  private final long expectedRevision;
  private final long actualRevision;

  public ProfileConflictException(UniverseId universe, ProfileId profile, long expectedRevision, long actualRevision) {
    super(universe, profile, "profile " + profile + " is at revision " + actualRevision + ", not " + expectedRevision);
    this.expectedRevision = expectedRevision;
    this.actualRevision = actualRevision;
  }

  public long expectedRevision() {
    return expectedRevision;
  }

  /** {@return the profile's revision when the put was refused} */
  public long actualRevision() {
    return actualRevision;
  }
}
