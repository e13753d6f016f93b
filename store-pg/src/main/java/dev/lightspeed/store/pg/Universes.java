package dev.lightspeed.store.pg;

import dev.lightspeed.store.UniverseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers universes in table {@code universes} the first time a store writes in one, so every
 * universe-owned row has a parent to reference. Each instance remembers what it registered and skips the
 * statement after that.
 */
final class Universes {
  private final Set<UniverseId> known = ConcurrentHashMap.newKeySet();

  /** Makes sure {@code universe} has its row, on {@code connection} (inside the caller's transaction, if any). */
  void ensure(Connection connection, UniverseId universe) throws SQLException {
    if (known.contains(universe)) return;
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO universes (universe_id) VALUES (?) ON CONFLICT (universe_id) DO NOTHING")) {
      insert.setString(1, universe.value());
      insert.executeUpdate();
    }
    known.add(universe);
  }
}
