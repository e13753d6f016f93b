package dev.lightspeed.llm.config;

/** A provider setting is missing or malformed; the message names the environment variable to fix. */
public final class ConfigurationException extends RuntimeException {
  public ConfigurationException(String message) {
    super(message);
  }
}
