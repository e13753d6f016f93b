package dev.lightspeed.tools.mcp;

/**
 * An MCP server's credentials cannot be used or stored: no login yet, a refresh the authorization server
 * refused, no master key to seal or open them with. The message says what to do.
 */
public final class McpCredentialsException extends RuntimeException {
  public McpCredentialsException(String message) {
    super(message);
  }

  public McpCredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
