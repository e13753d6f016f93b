package dev.lightspeed.server;

/**
 * An environment variable of the server holds a value it cannot use. The message names the variable and
 * quotes the value so the operator can fix it before anything starts.
 */
public final class ServerConfigException extends RuntimeException {
  private final String variable;

  public ServerConfigException(String variable, String problem) {
    super(variable + ": " + problem);
    this.variable = variable;
  }

  /** {@return the environment variable at fault} */
  public String variable() {
    return variable;
  }
}
