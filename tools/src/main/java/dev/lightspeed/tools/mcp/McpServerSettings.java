package dev.lightspeed.tools.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the harness needs of a catalog server: its id, where it is, which of its tools sessions may use by
 * default (empty: all), and whether its calls wait for approval by default.
 */
public record McpServerSettings(String serverId, McpEndpoint endpoint, Optional<List<String>> allowedTools, Approval approval) {
  /** Whether a call waits for a person's approval first. */
  public enum Approval {
    /** Calls run at once (the default). */
    NEVER,
    /** Every call waits for approval. */
    ALWAYS
  }

  public McpServerSettings {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(endpoint, "endpoint");
    allowedTools = allowedTools.map(List::copyOf);
    Objects.requireNonNull(approval, "approval");
  }
}
