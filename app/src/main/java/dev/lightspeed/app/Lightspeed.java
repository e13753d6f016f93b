package dev.lightspeed.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lightspeed} command: one entry point for the server roles now and the client commands (chat,
 * sessions, vfs) as they land, so a user learns one name and one {@code --help}.
 */
@Command(
    name = "lightspeed",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A durable agent harness: sessions that live in Temporal and survive restarts.",
    subcommands = {ServerCommand.class, ToolCommand.class})
public final class Lightspeed implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** {@return the command line, configured as the launcher runs it} */
  static CommandLine commandLine() {
    return new CommandLine(new Lightspeed()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    // No subcommand: say what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
