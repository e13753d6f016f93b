package dev.lightspeed.cli;

import dev.lightspeed.cli.chat.ChatCommand;
import dev.lightspeed.cli.events.EventsCommand;
import dev.lightspeed.cli.mcp.McpCommand;
import dev.lightspeed.cli.sessions.SessionsCommand;
import dev.lightspeed.cli.vfs.VfsCommand;
import picocli.CommandLine;

/**
 * Adds the client commands ({@code chat}, {@code sessions}, {@code events}, {@code vfs}, {@code mcp}) to the application's root
 * command, and installs the handlers that report their failures and usage errors as one line with a documented exit code.
 */
public final class ClientCommands {
  private ClientCommands() {}

  /** Registers the client commands on {@code root}, each seeing the world through {@code context}. */
  public static CommandLine addTo(CommandLine root, ClientContext context) {
    root.addSubcommand(new CommandLine(new ChatCommand(context)));
    root.addSubcommand(new CommandLine(new SessionsCommand(context)));
    root.addSubcommand(new CommandLine(new EventsCommand(context)));
    root.addSubcommand(new CommandLine(new VfsCommand(context)));
    root.addSubcommand(new CommandLine(new McpCommand(context)));
    root.setExecutionExceptionHandler(new ErrorReporter(root.getExecutionExceptionHandler()));
    root.setParameterExceptionHandler(new UsageReporter(root.getParameterExceptionHandler()));
    return root;
  }
}
