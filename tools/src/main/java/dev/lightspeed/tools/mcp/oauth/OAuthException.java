package dev.lightspeed.tools.mcp.oauth;

/** An OAuth step failed: discovery found no authorization server, or a server refused or broke the protocol. */
public final class OAuthException extends RuntimeException {
  public OAuthException(String message) {
    super(message);
  }

  public OAuthException(String message, Throwable cause) {
    super(message, cause);
  }
}
