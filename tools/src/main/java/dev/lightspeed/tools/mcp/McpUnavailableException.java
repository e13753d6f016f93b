package dev.lightspeed.tools.mcp;

/** An MCP server could not be reached, did not answer in time, or broke the protocol. */
public final class McpUnavailableException extends RuntimeException {
  public McpUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
