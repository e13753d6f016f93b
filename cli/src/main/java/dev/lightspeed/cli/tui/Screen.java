package dev.lightspeed.cli.tui;

import java.util.List;
import java.util.Objects;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The chat's terminal: lines printed above the input line (which keeps what the user is typing) and a status
 * bar pinned to the bottom. Any thread may print; calls are serialized so lines never interleave.
 */
final class Screen {
  private final Terminal terminal;
  private final LineReader reader;
  private final Status status;
  private boolean closed;

  Screen(Terminal terminal, LineReader reader) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.status = Status.getStatus(terminal);
  }

  /** Prints {@code line} (which may hold newlines) above the input. */
  synchronized void print(AttributedString line) {
    reader.printAbove(line);
  }

  /** Prints plain {@code text} above the input. */
  void print(String text) {
    print(new AttributedString(text));
  }

  /** Prints a dimmed note, e.g. what a command did. */
  void note(String text) {
    print(new AttributedString(text, AttributedStyle.DEFAULT.faint()));
  }

  /** Prints a problem in red. */
  void problem(String text) {
    print(new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)));
  }

  /** Replaces the status bar's lines. */
  synchronized void status(List<AttributedString> lines) {
    if (status != null && !closed) status.update(lines);
  }

  /** {@return the terminal's width in columns (80 when unknown)} */
  int width() {
    int width = terminal.getWidth();
    return width <= 0 ? 80 : width;
  }

  /** Removes the status bar, before the terminal goes back to the shell. */
  synchronized void close() {
    if (status != null && !closed) {
      status.update(List.of());
      status.close();
    }
    closed = true;
  }
}
