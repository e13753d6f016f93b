package dev.lightspeed.store.pg;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpServerRules;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link McpServerStore} in PostgreSQL: one row per server in table {@code mcp_servers}, its record as
 * canonical JSON text, kept as given (secrets belong in a {@link dev.lightspeed.store.mcp.McpCredentialStore},
 * sealed; whatever a record itself holds is stored in plain text). A put
 * locks the server's row ({@code FOR UPDATE}, or inserts it when absent), applies {@link McpServerRules#put} and
 * writes the result in one transaction, so of racing puts with one expected revision exactly one wins. Safe for
 * concurrent use by threads and processes.
 */
public final class PgMcpServerStore implements McpServerStore {
  private static final RecordTable TABLE = new RecordTable("mcp_servers", "server_id");

  private final PgPool pool;
  private final Universes universes = new Universes();

  public PgMcpServerStore(PgPool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public Optional<StoredMcpServer> find(UniverseId universe, String serverId) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    try (Connection c = pool.connection()) {
      return TABLE.find(c, universe, serverId, false).map(PgMcpServerStore::server);
    } catch (SQLException e) {
      throw SqlFailures.io("cannot read MCP server " + serverId + " in universe " + universe, e);
    }
  }

  @Override
  public List<StoredMcpServer> list(UniverseId universe) {
    Objects.requireNonNull(universe, "universe");
    try (Connection c = pool.connection()) {
      return TABLE.list(c, universe).stream().map(PgMcpServerStore::server).toList();
    } catch (SQLException e) {
      throw SqlFailures.io("cannot list the MCP servers of universe " + universe, e);
    }
  }

  @Override
  public StoredMcpServer put(UniverseId universe, String serverId, Json.Obj document, OptionalLong expectedRevision, long nowMs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(expectedRevision, "expectedRevision");
    return Transactions.run(pool, universes, universe, "put MCP server " + serverId + " in universe " + universe, c -> {
      return server(TABLE.put(c, universe, serverId,
          current -> row(McpServerRules.put(serverId, current == null ? null : server(current), expectedRevision, document, nowMs))));
    });
  }

  @Override
  public Optional<StoredMcpServer> delete(UniverseId universe, String serverId) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(serverId, "serverId");
    return Transactions.run(pool, "delete MCP server " + serverId + " in universe " + universe,
        c -> TABLE.delete(c, universe, serverId).map(PgMcpServerStore::server));
  }

  private static RecordTable.Row row(StoredMcpServer s) {
    return new RecordTable.Row(s.serverId(), s.document(), s.revision(), s.createdAtMs(), s.updatedAtMs());
  }

  private static StoredMcpServer server(RecordTable.Row r) {
    return new StoredMcpServer(r.id(), r.document(), r.revision(), r.createdAtMs(), r.updatedAtMs());
  }
}
