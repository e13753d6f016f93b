package dev.lightspeed.cli.chat;

import java.util.OptionalLong;

/**
 * The compact one-line form of tool activity both chat modes print: {@code → read_file src/App.java} when a
 * call starts, {@code ✓ read_file src/App.java  0.4s} when it ends ({@code ✗} failed, {@code ⊘} cancelled,
 * {@code ?} unavailable).
 */
public final class ToolLines {
  private ToolLines() {}

  /** {@return the line for a call that started} */
  public static String started(ToolCallView call) {
    return "→ " + call.label();
  }

  /** {@return the line for a call that ended with {@code status}} */
  public static String finished(ToolCallView call, String status, OptionalLong elapsedMs) {
    String line = mark(status) + " " + call.label();
    if (!status.equals("succeeded")) line += " (" + status + ")";
    return elapsedMs.isPresent() ? line + "  " + elapsed(elapsedMs.getAsLong()) : line;
  }

  /** {@return the mark of a finished call's status} */
  public static String mark(String status) {
    return switch (status) {
      case "succeeded" -> "✓";
      case "cancelled" -> "⊘";
      case "unavailable" -> "?";
      default -> "✗";
    };
  }

  /** {@return {@code ms} as people read durations: 0.4s, 12.3s, 2m05s} */
  public static String elapsed(long ms) {
    if (ms < 60_000) return String.format("%.1fs", ms / 1000.0);
    long seconds = ms / 1000;
    return String.format("%dm%02ds", seconds / 60, seconds % 60);
  }
}
