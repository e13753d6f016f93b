package dev.lightspeed.engine.session;

/** A config document (session or run) that does not have the v1 contract's shape; the message says where. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
