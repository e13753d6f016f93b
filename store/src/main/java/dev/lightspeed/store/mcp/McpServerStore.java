package dev.lightspeed.store.mcp;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The MCP server catalog of each universe: records by server id, replaced whole by {@link #put} (with an
 * optional revision check) and removed by {@link #delete}. Implementations are safe for concurrent use and
 * make each put and delete atomic: a reader sees a record before or after a change, never part of one, and of
 * two racing puts that name the same expected revision exactly one wins. It stores what it is given without
 * looking inside; validation is the caller's. It leaves out history and watching. The gateway keeps secrets
 * (header values, tokens) out of records: they go sealed to a {@link McpCredentialStore}.
 */
public interface McpServerStore {
  /** {@return the server with this id in {@code universe}, if there is one} */
  Optional<StoredMcpServer> find(UniverseId universe, String serverId);

  /** {@return every server of {@code universe}, sorted by id} */
  List<StoredMcpServer> list(UniverseId universe);

  /**
   * Creates or replaces a server's record. A new server starts at revision 1 with both times {@code nowMs}; a
   * replaced one keeps its creation time and moves to the next revision.
   *
   * @param expectedRevision checked only when the server exists: its current revision must equal it
   * @return the stored server
   * @throws McpServerConflictException when the server exists at another revision than {@code expectedRevision}
   */
  StoredMcpServer put(UniverseId universe, String serverId, Json.Obj document, OptionalLong expectedRevision, long nowMs);

  /** {@return the removed server, or empty when there was none} */
  Optional<StoredMcpServer> delete(UniverseId universe, String serverId);
}
