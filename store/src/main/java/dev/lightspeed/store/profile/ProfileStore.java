package dev.lightspeed.store.profile;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The universe's catalog of agent profiles. A profile is an opaque JSON document under an id, with a
 * revision: {@link Profile#FIRST_REVISION} when first written, one more after each replacement.
 *
 * <p><b>Compare-and-swap.</b> {@link #put} with an expected revision replaces the profile only if it is still
 * at that revision, else fails with {@link ProfileConflictException} and changes nothing; of several racing
 * puts with the same expected revision exactly one applies. Without an expected revision it replaces
 * unconditionally. Either way a put of an absent profile creates it (the expected revision is checked only
 * against a profile that exists). {@link #create} never replaces.
 *
 * <p><b>Threads, processes, universes, time.</b> Implementations are safe for concurrent use (file-system ones
 * across processes sharing a root too). Every method takes the universe first; a universe never sees another's
 * profiles. {@code createdAtMs} and {@code updatedAtMs} come from the store's clock.
 *
 * <p><b>Left out.</b> No history of past revisions, no paging of {@link #list} (catalogs are small), no
 * validation of the document: what a profile may contain is the caller's rule. Failures of the medium are
 * {@link dev.lightspeed.store.StoreIoException}.
 */
public interface ProfileStore {

  /**
   * Creates a profile at the first revision.
   *
   * @throws ProfileExistsException when the universe already holds a profile with this id
   */
  Profile create(UniverseId universe, ProfileId id, Json.Obj document);

  /** {@return the profile, or empty when the universe holds none with this id} */
  Optional<Profile> find(UniverseId universe, ProfileId id);

  /**
   * {@return the profile}
   *
   * @throws ProfileNotFoundException when the universe holds none with this id
   */
  default Profile read(UniverseId universe, ProfileId id) {
    return find(universe, id).orElseThrow(() -> new ProfileNotFoundException(universe, id));
  }

  /** {@return every profile of the universe, in ascending id order; unmodifiable} */
  List<Profile> list(UniverseId universe);

  /**
   * Replaces the profile's document (bumping its revision and keeping its creation time), or creates it.
   *
   * @return the profile after the put
   * @throws ProfileConflictException when the profile exists at another revision than {@code expectedRevision}
   */
  Profile put(UniverseId universe, ProfileId id, OptionalLong expectedRevision, Json.Obj document);

  /**
   * Deletes a profile. Nothing else refers to it: sessions started from it keep what it gave them.
   *
   * @return the profile as it was just before deletion
   * @throws ProfileNotFoundException when the universe holds no profile with this id
   */
  Profile delete(UniverseId universe, ProfileId id);
}
