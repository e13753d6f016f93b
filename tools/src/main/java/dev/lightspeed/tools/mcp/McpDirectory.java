package dev.lightspeed.tools.mcp;

import dev.lightspeed.store.UniverseId;
import java.util.Optional;

/**
 * The MCP server catalog as the harness reads it: the settings of a server by id, or empty when the universe
 * has no such server or has it disabled. Safe for concurrent use.
 */
@FunctionalInterface
public interface McpDirectory {
  /** A catalog with no servers. */
  McpDirectory EMPTY = (universe, serverId) -> Optional.empty();

  Optional<McpServerSettings> find(UniverseId universe, String serverId);
}
