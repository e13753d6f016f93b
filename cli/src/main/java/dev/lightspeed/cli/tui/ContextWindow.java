package dev.lightspeed.cli.tui;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The input window of well-known model families, for the status bar's context fill. The gateway's
 * {@code models/list} knows it too, but asking it calls every provider, which a status bar must not do.
 */
final class ContextWindow {
  private ContextWindow() {}

  /** {@return the model's input window in tokens, when the family is known} */
  static OptionalLong of(String model) {
    if (model == null) return OptionalLong.empty();
    String name = model.toLowerCase(Locale.ROOT);
    if (name.startsWith("claude")) return OptionalLong.of(200_000);
    if (name.startsWith("gpt-5")) return OptionalLong.of(400_000);
    if (name.startsWith("gpt-4.1")) return OptionalLong.of(1_047_576);
    if (name.startsWith("gpt-4o")) return OptionalLong.of(128_000);
    if (name.matches("o[134](-.*)?")) return OptionalLong.of(200_000);
    return OptionalLong.empty();
  }
}
