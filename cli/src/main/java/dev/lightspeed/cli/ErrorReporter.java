package dev.lightspeed.cli;

import dev.lightspeed.cli.gateway.ClientException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a client command throws into one line on stderr and an exit code ({@link ExitCodes}). A stack
 * trace appears only with {@code --verbose}. Failures of commands outside this module go to the handler that
 * was installed before.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final IExecutionExceptionHandler previous;

  ErrorReporter(IExecutionExceptionHandler previous) {
    this.previous = previous;
  }

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) throws Exception {
    PrintWriter err = command.getErr();
    boolean verbose = last(parsed).hasMatchedOption("--verbose");
    if (failure instanceof ClientException known) {
      err.println("lightspeed: " + known.line());
      if (verbose) failure.printStackTrace(err);
      err.flush();
      return ExitCodes.of(known);
    }
    if (!command.getCommand().getClass().getPackageName().startsWith("dev.lightspeed.cli")) {
      if (previous != null) return previous.handleExecutionException(failure, command, parsed);
      throw failure;
    }
    err.println("lightspeed: unexpected error: " + failure + (verbose ? "" : " (--verbose shows where)"));
    if (verbose) failure.printStackTrace(err);
    err.flush();
    return ExitCodes.FAILED;
  }

  private static ParseResult last(ParseResult parsed) {
    ParseResult current = parsed;
    while (current.hasSubcommand()) current = current.subcommand();
    return current;
  }
}
