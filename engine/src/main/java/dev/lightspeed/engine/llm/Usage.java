package dev.lightspeed.engine.llm;

/**
 * Token usage the provider reported for one generation. {@code inputTokens} is the whole prompt including
 * cached tokens; adapters normalise provider differences so the compaction high-water mark compares like
 * with like.
 */
public record Usage(long inputTokens, long outputTokens, long cachedInputTokens, long reasoningTokens) {
  public static final Usage ZERO = new Usage(0, 0, 0, 0);

  public Usage {
    if (inputTokens < 0 || outputTokens < 0 || cachedInputTokens < 0 || reasoningTokens < 0) {
      throw new IllegalArgumentException("negative token count: " + inputTokens + "/" + outputTokens + "/" + cachedInputTokens + "/" + reasoningTokens);
    }
  }

  public Usage plus(Usage o) {
    return new Usage(inputTokens + o.inputTokens, outputTokens + o.outputTokens, cachedInputTokens + o.cachedInputTokens, reasoningTokens + o.reasoningTokens);
  }
}
