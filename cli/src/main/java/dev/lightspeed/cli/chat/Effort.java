package dev.lightspeed.cli.chat;

import java.util.Locale;

/** The reasoning effort a session asks its model for ({@code generation.reasoningEffort}). */
public enum Effort {
  NONE,
  LOW,
  MEDIUM,
  HIGH;

  /** {@return the value as the session config spells it, e.g. {@code high}} */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the effort spelled {@code text}, in any case}
   *
   * @throws IllegalArgumentException quoting {@code text} and listing the accepted values
   */
  public static Effort parse(String text) {
    for (Effort effort : values()) {
      if (effort.wire().equalsIgnoreCase(text.strip())) return effort;
    }
    throw new IllegalArgumentException("unknown effort \"" + text + "\"; expected one of none, low, medium, high");
  }
}
