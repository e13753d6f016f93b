package dev.lightspeed.app;

import dev.lightspeed.cli.ClientCommands;
import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.tui.TerminalSource;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lightspeed} command: one entry point for the server roles and the client commands (chat,
 * sessions, events), so a user learns one name and one {@code --help}. The client commands come from the
 * cli module, which reaches sessions only over HTTP; {@link EmbeddedRuntime} gives them a gateway in this
 * process when none is named.
 */
@Command(
    name = "lightspeed",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "A durable agent harness: sessions that live in Temporal and survive restarts.",
    footer = {"", "Examples:",
        "  lightspeed chat --new                 chat in a new session (OPENAI_API_KEY or ANTHROPIC_API_KEY set)",
        "  lightspeed chat \"what changed?\"       one message, the answer on stdout",
        "  lightspeed sessions list              the sessions kept under LIGHTSPEED_HOME",
        "  lightspeed server                     serve sessions over HTTP (then: lightspeed chat --api-url URL)",
        "  lightspeed COMMAND --help             what a command does, its options and exit codes"},
    subcommands = {ServerCommand.class, ToolCommand.class})
public final class Lightspeed implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** {@return the command line, configured as the launcher runs it} */
  static CommandLine commandLine() {
    return commandLine(new ClientContext(System.getenv(), new EmbeddedRuntime(QuietLogging.Mode.TO_FILES, WorkflowTuning.DEFAULT),
        TerminalSource.SYSTEM));
  }

  /** {@return the command line with the client commands seeing the world through {@code client}} */
  static CommandLine commandLine(ClientContext client) {
    CommandLine cli = new CommandLine(new Lightspeed());
    ClientCommands.addTo(cli, client);
    return cli.setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    // No subcommand: say what there is.
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
