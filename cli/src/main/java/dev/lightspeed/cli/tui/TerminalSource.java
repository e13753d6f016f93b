package dev.lightspeed.cli.tui;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The user's side of the process: whether a person is at a terminal, the terminal the chat UI draws on, and
 * standard input for text piped in instead. The process's own in production, something else in tests.
 */
public interface TerminalSource {
  /** The process's terminal and standard input. */
  TerminalSource SYSTEM = new TerminalSource() {
    @Override
    public boolean interactive() {
      Console console = System.console();
      if (console == null) return false;
      try {
        // Java 22+ returns a Console for redirected streams too; isTerminal() tells them apart.
        return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
      } catch (ReflectiveOperationException | ClassCastException e) {
        return true; // Java 21: a console exists only for a terminal
      }
    }

    @Override
    public Terminal open() throws IOException {
      return TerminalBuilder.builder().name("lightspeed").system(true).build();
    }

    @Override
    public InputStream input() {
      return System.in;
    }
  };

  /** {@return whether standard input and output are a terminal a person types at} */
  boolean interactive();

  /** {@return a terminal for the chat UI, which closes it when done} */
  Terminal open() throws IOException;

  /** {@return standard input, read as the message when it is not a terminal and none was given} */
  InputStream input();
}
