package dev.lightspeed.store.mcp;

import dev.lightspeed.engine.json.Json;
import java.util.Objects;
import java.util.OptionalLong;

/** The rules every {@link McpServerStore} applies, in one place so backends cannot drift apart. */
public final class McpServerRules {
  private McpServerRules() {}

  /**
   * {@return the server after a put of {@code document} at {@code nowMs}: {@code current} replaced, or a new
   * server at revision 1 when {@code current} is null}
   *
   * @throws McpServerConflictException when {@code current} exists at another revision than {@code expected}
   */
  public static StoredMcpServer put(String serverId, StoredMcpServer current, OptionalLong expected, Json.Obj document, long nowMs) {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(document, "document");
    if (current == null) return new StoredMcpServer(serverId, document, 1, nowMs, nowMs);
    if (expected.isPresent() && expected.getAsLong() != current.revision()) {
      throw new McpServerConflictException(serverId, expected.getAsLong(), current.revision());
    }
    return new StoredMcpServer(serverId, document, current.revision() + 1, current.createdAtMs(), nowMs);
  }
}
