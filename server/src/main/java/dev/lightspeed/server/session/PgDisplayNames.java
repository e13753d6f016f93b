package dev.lightspeed.server.session;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.pg.PgSessionNames;
import java.util.Objects;
import java.util.Optional;

/** Display names in the PostgreSQL {@code sessions} table, beside the lifecycle projection. */
public final class PgDisplayNames implements DisplayNames {
  private final PgSessionNames names;

  public PgDisplayNames(PgSessionNames names) {
    this.names = Objects.requireNonNull(names, "names");
  }

  @Override
  public Optional<String> find(UniverseId universe, SessionId session) {
    return names.find(universe, session);
  }

  @Override
  public void put(UniverseId universe, SessionId session, String name) {
    names.put(universe, session, name);
  }
}
