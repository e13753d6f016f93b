package dev.lightspeed.store.mcp;

import dev.lightspeed.store.UniverseId;
import java.util.Optional;

/**
 * Where the secrets of each catalog MCP server (header values, OAuth client secret and tokens) are kept, as one
 * value per server sealed by a {@link SecretBox}: implementations store and return that text as given and never
 * see a plaintext secret. Puts and deletes are atomic and implementations are safe for concurrent use.
 */
public interface McpCredentialStore {
  /** {@return the sealed credentials of {@code serverId} in {@code universe}, if any} */
  Optional<String> find(UniverseId universe, String serverId);

  /** Creates or replaces the sealed credentials of {@code serverId}. */
  void put(UniverseId universe, String serverId, String sealed);

  /** Removes the credentials of {@code serverId}; nothing happens when there are none. */
  void delete(UniverseId universe, String serverId);
}
