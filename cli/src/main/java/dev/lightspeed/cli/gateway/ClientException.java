package dev.lightspeed.cli.gateway;

/**
 * A failure a client command reports to the user as one line and an exit code, never as a stack trace. The
 * subtypes are the closed set of ways talking to a gateway can go wrong; {@code ExitCodes} maps each to its
 * code.
 */
public abstract sealed class ClientException extends RuntimeException
    permits GatewayException, GatewayUnreachableException, NoProviderException, LocalServerException, LocalFilesException {
  ClientException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return the one line to show, without the {@code lightspeed:} prefix} */
  public String line() {
    return getMessage();
  }
}
