package dev.lightspeed.store.mcp;

import dev.lightspeed.engine.json.Json;
import java.util.Objects;

/**
 * A catalog server as stored: its id, its record (the normalized {@code McpServerInput} document, header
 * values included), and bookkeeping. The revision starts at 1 and grows by one with each put.
 */
public record StoredMcpServer(String serverId, Json.Obj document, long revision, long createdAtMs, long updatedAtMs) {
  public StoredMcpServer {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(document, "document");
    if (revision < 1) throw new IllegalArgumentException("revision < 1: " + revision);
  }
}
