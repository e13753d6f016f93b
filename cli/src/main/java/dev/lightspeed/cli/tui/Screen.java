package dev.lightspeed.cli.tui;

import java.util.List;
import java.util.Objects;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * The chat's terminal: lines printed above the input line (which keeps what the user is typing) and a status
 * bar pinned to the bottom. Any thread may print; everything is drawn under the line editor's lock, so lines
 * never interleave with each other, with the status bar or with the editor's own redraws.
 */
final class Screen {
  private final Terminal terminal;
  private final ChatReader reader;
  private final Status status;
  private boolean closed;

  Screen(Terminal terminal, ChatReader reader) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.status = Status.getStatus(terminal);
  }

  /** Prints {@code line} (which may hold newlines) above the input. */
  void print(AttributedString line) {
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
  void status(List<AttributedString> lines) {
    reader.locked(() -> {
      if (status != null && !closed) status.update(lines);
    });
  }

  /** {@return the terminal's width in columns (80 when unknown)} */
  int width() {
    int width = terminal.getWidth();
    return width <= 0 ? 80 : width;
  }

  /** Removes the status bar, before the terminal goes back to the shell. Idempotent. */
  void close() {
    reader.locked(() -> {
      if (status != null && !closed) {
        status.update(List.of());
        status.close();
      }
      closed = true;
    });
  }
}
