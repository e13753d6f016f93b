package dev.lightspeed.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * Reports a client command's usage error as one line and where to read more, instead of the whole help
 * text, with exit code {@link ExitCodes#USAGE}. Other commands keep the handler installed before.
 */
final class UsageReporter implements IParameterExceptionHandler {
  private final IParameterExceptionHandler previous;

  UsageReporter(IParameterExceptionHandler previous) {
    this.previous = previous;
  }

  @Override
  public int handleParseException(ParameterException problem, String[] args) throws Exception {
    CommandLine command = problem.getCommandLine();
    if (!command.getCommand().getClass().getPackageName().startsWith("dev.lightspeed.cli")) {
      return previous.handleParseException(problem, args);
    }
    PrintWriter err = command.getErr();
    err.println("lightspeed: " + problem.getMessage());
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options and examples.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
