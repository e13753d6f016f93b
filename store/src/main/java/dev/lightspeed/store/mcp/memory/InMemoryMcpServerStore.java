package dev.lightspeed.store.mcp.memory;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.McpServerRules;
import dev.lightspeed.store.mcp.McpServerStore;
import dev.lightspeed.store.mcp.StoredMcpServer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link McpServerStore} in memory, for tests. A strict fake: a stale expected revision conflicts with the same
 * exception and message as the durable stores. Safe for concurrent use; each put and delete is atomic per server.
 */
public final class InMemoryMcpServerStore implements McpServerStore {
  private final Map<UniverseId, ConcurrentSkipListMap<String, StoredMcpServer>> universes = new ConcurrentHashMap<>();

  @Override
  public Optional<StoredMcpServer> find(UniverseId universe, String serverId) {
    Objects.requireNonNull(serverId, "serverId");
    return Optional.ofNullable(servers(universe).get(serverId));
  }

  @Override
  public List<StoredMcpServer> list(UniverseId universe) {
    return List.copyOf(servers(universe).values());
  }

  @Override
  public StoredMcpServer put(UniverseId universe, String serverId, Json.Obj document, OptionalLong expectedRevision, long nowMs) {
    Objects.requireNonNull(serverId, "serverId");
    return servers(universe).compute(serverId, (id, current) -> McpServerRules.put(id, current, expectedRevision, document, nowMs));
  }

  @Override
  public Optional<StoredMcpServer> delete(UniverseId universe, String serverId) {
    Objects.requireNonNull(serverId, "serverId");
    return Optional.ofNullable(servers(universe).remove(serverId));
  }

  private ConcurrentSkipListMap<String, StoredMcpServer> servers(UniverseId universe) {
    return universes.computeIfAbsent(Objects.requireNonNull(universe, "universe"), u -> new ConcurrentSkipListMap<>());
  }
}
