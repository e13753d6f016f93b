package dev.lightspeed.cli.tui;

import java.io.IOException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Where the chat UI gets its terminal: the process's own in production, something else in tests. */
@FunctionalInterface
public interface TerminalSource {
  /** The terminal the process runs in. */
  TerminalSource SYSTEM = () -> TerminalBuilder.builder().name("lightspeed").system(true).build();

  /** {@return a terminal for the UI, which closes it when done} */
  Terminal open() throws IOException;
}
