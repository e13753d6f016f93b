package dev.lightspeed.tools.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a session needs of a catalog server: its id and label, where it is, who connects to it, which of its
 * tools sessions may use by default (empty: all), and whether its calls wait for approval by default.
 */
public record McpServerSettings(String serverId, String label, McpEndpoint endpoint, Execution execution,
    Optional<List<String>> allowedTools, Approval approval) {
  /** Who connects to the server and runs its tools. */
  public enum Execution {
    /** The worker, with the MCP Java SDK (the default). */
    HARNESS,
    /** The model provider, during the turn (OpenAI Responses' {@code mcp} tool, Anthropic's MCP connector). */
    PROVIDER
  }

  /** Whether a call waits for a person's approval first. */
  public enum Approval {
    /** Calls run at once (the default). */
    NEVER,
    /** Every call waits for approval. */
    ALWAYS
  }

  /** A harness-run server labelled with its id. */
  public McpServerSettings(String serverId, McpEndpoint endpoint, Optional<List<String>> allowedTools, Approval approval) {
    this(serverId, serverId, endpoint, Execution.HARNESS, allowedTools, approval);
  }

  public McpServerSettings {
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(execution, "execution");
    if (execution == Execution.PROVIDER && !(endpoint instanceof McpEndpoint.Http)) {
      throw new IllegalArgumentException("a provider-run server needs an http(s) endpoint, not " + endpoint);
    }
    allowedTools = allowedTools.map(List::copyOf);
    Objects.requireNonNull(approval, "approval");
  }
}
