package dev.lightspeed.cli;

import dev.lightspeed.cli.gateway.Connection;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What every client command does first: connect to the gateway its options name (or the embedded runtime),
 * turning a malformed URL into a usage error.
 */
public final class ClientCommand {
  private ClientCommand() {}

  /** {@return a connection for {@code options}} @throws ParameterException for a malformed --api-url */
  public static Connection connect(CommandLine command, ClientContext context, ClientOptions options) {
    Objects.requireNonNull(context, "context");
    try {
      return Connection.open(options.apiUrl(), context.env(), context.localServers());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command, "--api-url: " + e.getMessage());
    }
  }
}
