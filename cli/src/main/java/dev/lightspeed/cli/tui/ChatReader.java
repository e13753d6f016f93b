package dev.lightspeed.cli.tui;

import java.util.Map;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * The chat's line editor: JLine's, plus {@link #locked(Runnable)}, which runs screen output from other threads
 * under the lock the editor holds while it redraws. The editor redraws JLine's status bar on every redisplay
 * and the status bar is not thread-safe, so a status update from the stream thread outside this lock
 * interleaves its cursor saves, scroll-region changes and text with the editor's, and garbles the screen.
 */
final class ChatReader extends LineReaderImpl {
  ChatReader(Terminal terminal, Map<String, Object> variables) {
    super(terminal, "lightspeed", variables);
  }

  /** Runs {@code action} while no other thread draws through this editor. */
  void locked(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
