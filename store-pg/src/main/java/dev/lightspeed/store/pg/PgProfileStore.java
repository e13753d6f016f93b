package dev.lightspeed.store.pg;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.profile.Profile;
import dev.lightspeed.store.profile.ProfileExistsException;
import dev.lightspeed.store.profile.ProfileId;
import dev.lightspeed.store.profile.ProfileNotFoundException;
import dev.lightspeed.store.profile.ProfileRules;
import dev.lightspeed.store.profile.ProfileStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link ProfileStore} in PostgreSQL: one row per profile in table {@code profiles}, its document as canonical
 * JSON text. A put locks the profile's row ({@code FOR UPDATE}, or inserts it when absent), applies
 * {@link ProfileRules#put} and writes the result in one transaction, so of racing puts with one expected revision
 * exactly one applies. Safe for concurrent use by threads and processes; timestamps from the injected clock.
 */
public final class PgProfileStore implements ProfileStore {
  private static final RecordTable TABLE = new RecordTable("profiles", "profile_id");

  private final PgPool pool;
  private final InstantSource clock;
  private final Universes universes = new Universes();

  public PgProfileStore(PgPool pool, InstantSource clock) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Profile create(UniverseId universe, ProfileId id, Json.Obj document) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    Profile created = ProfileRules.created(id, Objects.requireNonNull(document, "document"), clock.millis());
    return Transactions.run(pool, universes, universe, "create profile " + id + " in universe " + universe, c -> {
      if (!TABLE.insert(c, universe, row(created))) throw new ProfileExistsException(universe, id);
      return created;
    });
  }

  @Override
  public Optional<Profile> find(UniverseId universe, ProfileId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    try (Connection c = pool.connection()) {
      return TABLE.find(c, universe, id.value(), false).map(PgProfileStore::profile);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read profile " + id + " in universe " + universe, e);
    }
  }

  @Override
  public List<Profile> list(UniverseId universe) {
    Objects.requireNonNull(universe, "universe");
    try (Connection c = pool.connection()) {
      return TABLE.list(c, universe).stream().map(PgProfileStore::profile).toList();
    } catch (SQLException e) {
      throw SqlFailures.io("cannot list the profiles of universe " + universe, e);
    }
  }

  @Override
  public Profile put(UniverseId universe, ProfileId id, OptionalLong expectedRevision, Json.Obj document) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedRevision, "expectedRevision");
    Objects.requireNonNull(document, "document");
    return Transactions.run(pool, universes, universe, "put profile " + id + " in universe " + universe, c -> {
      RecordTable.Row written = TABLE.put(c, universe, id.value(), current -> row(
          ProfileRules.put(universe, id, current == null ? null : profile(current), expectedRevision, document, clock.millis())));
      return profile(written);
    });
  }

  @Override
  public Profile delete(UniverseId universe, ProfileId id) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(id, "id");
    return Transactions.run(pool, "delete profile " + id + " in universe " + universe,
        c -> TABLE.delete(c, universe, id.value()).map(PgProfileStore::profile).orElseThrow(() -> new ProfileNotFoundException(universe, id)));
  }

  private static RecordTable.Row row(Profile p) {
    return new RecordTable.Row(p.id().value(), p.document(), p.revision(), p.createdAtMs(), p.updatedAtMs());
  }

  private static Profile profile(RecordTable.Row r) {
    return new Profile(ProfileId.of(r.id()), r.document(), r.revision(), r.createdAtMs(), r.updatedAtMs());
  }
}
