package dev.lightspeed.store.mcp.memory;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpCredentialStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sealed MCP credentials in a map, for tests and throw-away servers. */
public final class InMemoryMcpCredentialStore implements McpCredentialStore {
  private final Map<String, String> sealed = new ConcurrentHashMap<>();

  @Override
  public Optional<String> find(UniverseId universe, String serverId) {
    return Optional.ofNullable(sealed.get(key(universe, serverId)));
  }

  @Override
  public void put(UniverseId universe, String serverId, String value) {
    sealed.put(key(universe, serverId), value);
  }

  @Override
  public void delete(UniverseId universe, String serverId) {
    sealed.remove(key(universe, serverId));
  }

  private static String key(UniverseId universe, String serverId) {
    return universe.value() + "/" + serverId;
  }
}
