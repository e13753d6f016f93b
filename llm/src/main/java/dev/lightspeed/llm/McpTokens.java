package dev.lightspeed.llm;

import dev.lightspeed.store.UniverseId;
import java.util.Optional;

/**
 * The bearer tokens of MCP servers the model provider connects to (Anthropic's MCP connector, OpenAI's
 * {@code mcp} tool), looked up just before each request so that a token never sits in a stored tool spec, a
 * blob or the session log; the spec only names the catalog server whose token to send. Implementations must be
 * fast, safe for concurrent use, and must never log a token.
 */
@FunctionalInterface
public interface McpTokens {
  /** No tokens: a spec that needs one fails its call, saying so. */
  McpTokens NONE = (universe, serverId) -> Optional.empty();

  /**
   * {@return the token to send now for catalog server {@code serverId} of {@code universe}, or empty when it has none}
   *
   * @throws RuntimeException when the token cannot be had now (e.g. a login is needed), with a message that
   *     says what to do and holds no secret; the call fails with that message
   */
  Optional<String> find(UniverseId universe, String serverId);
}
