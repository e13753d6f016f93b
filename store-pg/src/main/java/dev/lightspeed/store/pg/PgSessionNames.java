package dev.lightspeed.store.pg;

import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions' display names, kept in the {@code display_name} column of the {@code sessions} projection. A name
 * is a label for people, not part of the log, so it is set outside append transactions and goes with the
 * session when it is deleted. Safe for concurrent use.
 */
public final class PgSessionNames {
  private final PgPool pool;

  public PgSessionNames(PgPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  /** {@return the session's display name, empty when it has none or does not exist} */
  public Optional<String> find(UniverseId universe, SessionId session) {
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement(
            "SELECT display_name FROM sessions WHERE universe_id = ? AND session_id = ?")) {
      select.setString(1, universe.value());
      select.setString(2, session.value());
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read the display name of session " + universe + "/" + session, e);
    }
  }

  /** Sets the display name of an existing session, or clears it when {@code name} is null; no-op when absent. */
  public void put(UniverseId universe, SessionId session, String name) {
    try (Connection c = pool.connection();
        PreparedStatement update = c.prepareStatement(
            "UPDATE sessions SET display_name = ? WHERE universe_id = ? AND session_id = ?")) {
      update.setString(1, name);
      update.setString(2, universe.value());
      update.setString(3, session.value());
      update.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.io("cannot set the display name of session " + universe + "/" + session, e);
    }
  }
}
