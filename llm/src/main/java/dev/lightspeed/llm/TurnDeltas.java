package dev.lightspeed.llm;

/**
 * Where a stream reducer sends the text and reasoning deltas of one turn as they arrive. Must be fast and
 * must not throw; {@link #NONE} drops them (summarizing calls, tests).
 */
public interface TurnDeltas {
  TurnDeltas NONE = new TurnDeltas() {};

  default void text(String text) {}

  default void reasoning(String text) {}

  /** {@return deltas forwarded to the call's live listener, tagged with the session and {@code turn}} */
  static TurnDeltas live(ProviderCall call, long turn) {
    return new TurnDeltas() {
      @Override
      public void text(String text) {
        call.live().onTextDelta(call.session(), turn, text);
      }

      @Override
      public void reasoning(String text) {
        call.live().onReasoningDelta(call.session(), turn, text);
      }
    };
  }
}
