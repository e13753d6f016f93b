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
 * statement after that. The row is committed before it is remembered: remembering a row still inside an open
 * transaction would let another thread skip the registration, then fail the foreign key (or, after a rollback,
 * fail it for good).
 */
final class Universes {
  private final Set<UniverseId> known = ConcurrentHashMap.newKeySet();

  /**
   * Makes sure {@code universe} has its committed row, on {@code connection}.
   *
   * @throws IllegalStateException when {@code connection} is inside a transaction; register before opening it
   */
  void ensure(Connection connection, UniverseId universe) throws SQLException {
    if (known.contains(universe)) return;
    if (!connection.getAutoCommit()) {
      throw new IllegalStateException("register universe " + universe + " before opening a transaction, not inside one");
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO universes (universe_id) VALUES (?) ON CONFLICT (universe_id) DO NOTHING")) {
      insert.setString(1, universe.value());
      insert.executeUpdate();
    }
    known.add(universe);
  }
}
