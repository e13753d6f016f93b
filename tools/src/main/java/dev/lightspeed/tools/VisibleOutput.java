package dev.lightspeed.tools;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The cap on what one tool call shows the model: {@value #MAX_BYTES} bytes of UTF-8. Longer output is cut at
 * the last line break that fits (or mid-line when one line alone is too long, never inside a character) and
 * ends with a note saying how much was shown and how to narrow the request.
 */
public final class VisibleOutput {
  /** 64 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  private VisibleOutput() {}

  /**
   * {@return {@code text} when it fits, else its head and a truncation note ending with {@code hint}}
   *
   * @param hint how to ask for less, e.g. "pass offset and limit to read a smaller range"
   */
  public static String cap(String text, String hint) {
    return cap(text, hint, MAX_BYTES);
  }

  static String cap(String text, String hint, int maxBytes) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(hint, "hint");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) return text;
    String noteTemplate = "\n[output truncated at " + (maxBytes / 1024) + " KiB: showing %d of " + bytes.length + " bytes; " + hint + "]";
    int budget = maxBytes - String.format(noteTemplate, bytes.length).getBytes(StandardCharsets.UTF_8).length;
    int cut = Math.max(0, budget);
    while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) cut--;
    int lineEnd = lastNewline(bytes, cut);
    if (lineEnd > 0) cut = lineEnd;
    String head = new String(bytes, 0, cut, StandardCharsets.UTF_8);
    return head + String.format(noteTemplate, cut);
  }

  private static int lastNewline(byte[] bytes, int before) {
    for (int i = before - 1; i >= 0; i--) if (bytes[i] == '\n') return i;
    return -1;
  }
}
