package dev.lightspeed.app;

import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.tui.TerminalSource;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs the real {@code lightspeed} command line in this JVM with an environment of the test's choosing and
 * captured stdout and stderr; the embedded runtime it may start uses fast retries and the test's logging.
 */
final class CliRun {
  static final WorkflowTuning FAST = WorkflowTuning.DEFAULT.withLlmRetry(50, 200, 4).withHeartbeatTimeoutMs(2_000);
  static final TerminalSource NO_TERMINAL = () -> {
    throw new IOException("tests drive the chat UI through tmux, not in-process");
  };

  /** What one command did. */
  record Result(int exitCode, String out, String err) {}

  private CliRun() {}

  static Result run(Map<String, String> env, String... args) {
    return run(env, new StringWriter(), new StringWriter(), args);
  }

  /** Runs with output going to writers the test can watch while the command runs. */
  static Result run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
    CommandLine cli = Lightspeed.commandLine(new ClientContext(env, new EmbeddedRuntime(QuietLogging.Mode.AS_CONFIGURED, FAST), NO_TERMINAL));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
