package dev.lightspeed.app;

import dev.lightspeed.cli.ClientContext;
import dev.lightspeed.cli.tui.TerminalSource;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * Runs the real {@code lightspeed} command line in this JVM with an environment of the test's choosing and
 * captured stdout and stderr; the embedded runtime it may start uses fast retries and the test's logging.
 */
final class CliRun {
  static final WorkflowTuning FAST = WorkflowTuning.DEFAULT.withLlmRetry(50, 200, 4).withHeartbeatTimeoutMs(2_000);
  /** No person at a terminal, nothing piped in: tests drive the chat UI through tmux, not in-process. */
  static final TerminalSource NO_TERMINAL = piped("");

  /** {@return no terminal, with {@code stdin} piped in} */
  static TerminalSource piped(String stdin) {
    return new TerminalSource() {
      @Override
      public boolean interactive() {
        return false;
      }

      @Override
      public Terminal open() throws IOException {
        throw new IOException("tests drive the chat UI through tmux, not in-process");
      }

      @Override
      public InputStream input() {
        return new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** What one command did. */
  record Result(int exitCode, String out, String err) {}

  private CliRun() {}

  static Result run(Map<String, String> env, String... args) {
    return run(env, new StringWriter(), new StringWriter(), args);
  }

  /** Runs with output going to writers the test can watch while the command runs. */
  static Result run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
    return run(env, NO_TERMINAL, out, err, args);
  }

  /** Runs with {@code user} as the terminal side. */
  static Result run(Map<String, String> env, TerminalSource user, StringWriter out, StringWriter err, String... args) {
    CommandLine cli = Lightspeed.commandLine(new ClientContext(env, new EmbeddedRuntime(QuietLogging.Mode.AS_CONFIGURED, FAST), user));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
