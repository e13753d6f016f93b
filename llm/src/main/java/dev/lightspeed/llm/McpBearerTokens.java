package dev.lightspeed.llm;

import java.util.Optional;
import java.util.function.Function;

/**
 * Looks up, just before a request, the bearer token a provider is to send to a provider-run MCP server, and
 * turns "none" or "cannot be had now" into the terminal error that fails the call before anything is sent.
 */
public final class McpBearerTokens {
  private McpBearerTokens() {}

  /**
   * {@return the token of catalog server {@code serverId} for the tool {@code tool}, as {@code lookup} has it now}
   *
   * @throws ProviderException terminal {@code INVALID_REQUEST} naming the server when it has no token now or
   *     its token cannot be had (e.g. a login is needed); the message holds no secret
   */
  public static String now(String provider, String tool, String serverId, Function<String, Optional<String>> lookup)
      throws ProviderException {
    Optional<String> token;
    try {
      token = lookup.apply(serverId).filter(t -> !t.isBlank());
    } catch (RuntimeException e) {
      throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.INVALID_REQUEST, 0, "",
          "the bearer token of MCP server \"" + serverId + "\" (tool " + tool + ") cannot be had now: " + e.getMessage()), e);
    }
    if (token.isEmpty()) {
      throw new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.INVALID_REQUEST, 0, "",
          "MCP server \"" + serverId + "\" (tool " + tool + ") needs a bearer token, but none is configured for it now;"
              + " give it one again in the MCP catalog (mcp/servers/put) or grant it with execution harness"));
    }
    return token.get();
  }
}
