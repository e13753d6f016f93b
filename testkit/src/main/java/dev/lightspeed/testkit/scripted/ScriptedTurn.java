package dev.lightspeed.testkit.scripted;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One scripted model turn: what the fake model answers the next time it is asked.
 *
 * @param text assistant text, or null for none
 * @param calls tool calls the model makes
 * @param failure when non-null, the generation fails with this message instead
 * @param delay how long the model "thinks" first (abortable)
 * @param inputTokens the input tokens to report, or -1 to report the context's token estimate
 * @param compactionItem when non-null, a provider compaction item with this summary precedes the output
 */
public record ScriptedTurn(String text, List<ScriptedCall> calls, String failure, Duration delay, long inputTokens, String compactionItem) {
  public ScriptedTurn {
    calls = List.copyOf(calls);
    Objects.requireNonNull(delay, "delay");
  }

  public static ScriptedTurn reply(String text) {
    return new ScriptedTurn(text, List.of(), null, Duration.ZERO, -1, null);
  }

  public static ScriptedTurn callTools(ScriptedCall... calls) {
    return new ScriptedTurn(null, List.of(calls), null, Duration.ZERO, -1, null);
  }

  public static ScriptedTurn fail(String message) {
    return new ScriptedTurn(null, List.of(), message, Duration.ZERO, -1, null);
  }

  public ScriptedTurn withText(String t) {
    return new ScriptedTurn(t, calls, failure, delay, inputTokens, compactionItem);
  }

  public ScriptedTurn after(Duration d) {
    return new ScriptedTurn(text, calls, failure, d, inputTokens, compactionItem);
  }

  public ScriptedTurn reportingInputTokens(long tokens) {
    return new ScriptedTurn(text, calls, failure, delay, tokens, compactionItem);
  }

  public ScriptedTurn withCompactionItem(String summary) {
    return new ScriptedTurn(text, calls, failure, delay, inputTokens, summary);
  }
}
