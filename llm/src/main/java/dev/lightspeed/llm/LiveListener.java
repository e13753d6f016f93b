package dev.lightspeed.llm;

/**
 * Receives text and reasoning deltas while a generation streams, for showing tokens live. The durable
 * result is the assembled response, never these deltas. Methods are called on the streaming thread, must
 * be fast and must not throw.
 */
public interface LiveListener {
  LiveListener NONE = new LiveListener() {};

  /** A piece of assistant text for turn {@code turn} of session {@code session}. */
  default void onTextDelta(String session, long turn, String text) {}

  /** A piece of reasoning summary text. */
  default void onReasoningDelta(String session, long turn, String text) {}
}
