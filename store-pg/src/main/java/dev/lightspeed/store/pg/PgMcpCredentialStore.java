package dev.lightspeed.store.pg;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpCredentialStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@link McpCredentialStore} in PostgreSQL: one row per server in table {@code mcp_credentials} holding the
 * sealed text only. A value that is not in the sealed form is refused here and by the table's check, so a
 * plaintext secret never reaches the database (or its backups). Each put is one upsert and each delete one
 * statement, so readers see a whole value. Safe for concurrent use by threads and processes.
 */
public final class PgMcpCredentialStore implements McpCredentialStore {
  /** The sealed form, as {@code SecretBox} writes it; the same pattern guards the table. */
  private static final Pattern SEALED = Pattern.compile("v[0-9]+\\.[0-9a-f]+\\.[A-Za-z0-9+/]+=*");

  private final PgPool pool;
  private final Universes universes = new Universes();

  public PgMcpCredentialStore(PgPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public Optional<String> find(UniverseId universe, String serverId) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    try (Connection c = pool.connection();
        PreparedStatement select = c.prepareStatement("SELECT sealed FROM mcp_credentials WHERE universe_id = ? AND server_id = ?")) {
      select.setString(1, universe.value());
      select.setString(2, serverId);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read the credentials of MCP server " + serverId + " in universe " + universe, e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code sealed} is not a sealed value (the message never quotes it)
   */
  @Override
  public void put(UniverseId universe, String serverId, String sealed) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(sealed, "sealed");
    if (!SEALED.matcher(sealed).matches()) {
      throw new IllegalArgumentException("the credentials of MCP server " + serverId
          + " are not sealed (expected v<version>.<key id>.<base64>); refusing to store them");
    }
    try (Connection c = pool.connection()) {
      universes.ensure(c, universe);
      try (PreparedStatement upsert = c.prepareStatement("""
          INSERT INTO mcp_credentials (universe_id, server_id, sealed) VALUES (?, ?, ?)
          ON CONFLICT (universe_id, server_id) DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = now()""")) {
        upsert.setString(1, universe.value());
        upsert.setString(2, serverId);
        upsert.setString(3, sealed);
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw SqlFailures.io("cannot store the credentials of MCP server " + serverId + " in universe " + universe, e);
    }
  }

  @Override
  public void delete(UniverseId universe, String serverId) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    try (Connection c = pool.connection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM mcp_credentials WHERE universe_id = ? AND server_id = ?")) {
      delete.setString(1, universe.value());
      delete.setString(2, serverId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw SqlFailures.io("cannot delete the credentials of MCP server " + serverId + " in universe " + universe, e);
    }
  }
}
