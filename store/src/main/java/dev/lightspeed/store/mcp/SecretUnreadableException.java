package dev.lightspeed.store.mcp;

/** A sealed secret cannot be opened: it was sealed under another master key or for another record, or it was changed. */
public final class SecretUnreadableException extends RuntimeException {
  public SecretUnreadableException(String message) {
    super(message);
  }
}
