package dev.lightspeed.store.profile.memory;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileExistsException;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileNotFoundException;
import dev.lightspeed.store.profile.ProfileRules;
import dev.lightspeed.store.profile.ProfileStore;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ProfileStore} in memory, for tests. A strict fake: stale revisions conflict with the same exception
 * as the durable store, and time comes from the injected clock. Safe for concurrent use; puts are atomic per
 * profile.
 */
public final class InMemoryProfileStore implements ProfileStore {
  private final InstantSource clock;
  private final Map<UniverseId, Map<ProfileId, Profile>> universes = new ConcurrentHashMap<>();

  public InMemoryProfileStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Profile create(UniverseId universe, ProfileId id, Json.Obj document) {
    Objects.requireNonNull(id, "id");
    Profile created = ProfileRules.created(id, document, clock.millis());
    if (profiles(universe).putIfAbsent(id, created) != null) throw new ProfileExistsException(universe, id);
    return created;
  }

  @Override
  public Optional<Profile> find(UniverseId universe, ProfileId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(profiles(universe).get(id));
  }

  @Override
  public List<Profile> list(UniverseId universe) {
    return profiles(universe).values().stream().sorted(Comparator.comparing(Profile::id)).toList();
  }

  @Override
  public Profile put(UniverseId universe, ProfileId id, OptionalLong expectedRevision, Json.Obj document) {
    Objects.requireNonNull(id, "id");
    return profiles(universe).compute(id,
        (key, current) -> ProfileRules.put(universe, id, current, expectedRevision, document, clock.millis()));
  }

  @Override
  public Profile delete(UniverseId universe, ProfileId id) {
    Objects.requireNonNull(id, "id");
    Profile removed = profiles(universe).remove(id);
    if (removed == null) throw new ProfileNotFoundException(universe, id);
    return removed;
  }

  private Map<ProfileId, Profile> profiles(UniverseId universe) {
    return universes.computeIfAbsent(Objects.requireNonNull(universe, "universe"), u -> new ConcurrentHashMap<>());
  }
}
