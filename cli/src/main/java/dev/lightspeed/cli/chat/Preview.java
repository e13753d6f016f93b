package dev.lightspeed.cli.chat;

/** A one-line preview of some text (a message, an argument, a session name), cut to fit with an ellipsis. */
public final class Preview {
  private Preview() {}

  /** {@return {@code text} with runs of whitespace as one space, cut to {@code max} characters} */
  public static String of(String text, int max) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
