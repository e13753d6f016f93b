package dev.lightspeed.llm.config;

import java.util.Locale;

/**
 * Whether an OpenAI Responses request asks for reasoning summaries ({@code reasoning.summary}). Asking is a
 * deployment choice, not a session one: OpenAI answers 400 to organizations that are not verified for
 * summaries, so the default {@link #NONE} leaves the member out and no summary deltas stream.
 */
public enum ReasoningSummary {
  /** No {@code summary} member: the provider's default, no reasoning summaries. */
  NONE,
  /** {@code "summary":"auto"}: the most detailed summarizer the model supports. */
  AUTO,
  /** {@code "summary":"concise"}. */
  CONCISE,
  /** {@code "summary":"detailed"}. */
  DETAILED;

  /** {@return the wire value, or null for {@link #NONE}} */
  public String wire() {
    return this == NONE ? null : name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the setting named by {@code value} (case-insensitive; blank or absent means {@link #NONE})}
   *
   * @throws ConfigurationException naming {@code variable} when the value is none of none, auto, concise, detailed
   */
  public static ReasoningSummary parse(String variable, String value) {
    if (value == null || value.isBlank()) return NONE;
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "auto" -> AUTO;
      case "concise" -> CONCISE;
      case "detailed" -> DETAILED;
      default -> throw new ConfigurationException(variable + " must be none, auto, concise or detailed, not \"" + value + "\"");
    };
  }
}
