package dev.lightspeed.cli.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts streamed answer text into whole lines for the markdown renderer; the unfinished last line waits here
 * (and is shown in the status bar) until its newline arrives or the answer ends. Not thread-safe.
 */
final class LiveText {
  private final StringBuilder partial = new StringBuilder();

  /** Adds {@code delta} and {@return the lines it completed, without their newlines} */
  List<String> append(String delta) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < delta.length(); i++) {
      char c = delta.charAt(i);
      if (c == '\n') {
        lines.add(partial.toString());
        partial.setLength(0);
      } else if (c != '\r') {
        partial.append(c);
      }
    }
    return lines;
  }

  /** {@return the unfinished line} */
  String partial() {
    return partial.toString();
  }

  /** {@return the unfinished line, if any, and forgets it} */
  List<String> flush() {
    if (partial.isEmpty()) return List.of();
    String last = partial.toString();
    partial.setLength(0);
    return List.of(last);
  }
}
