package dev.lightspeed.engine.session;

import java.util.Objects;

/**
 * When the context gets compacted, from {@code config.context.compaction}.
 *
 * <ul>
 *   <li>{@link Mode#DISABLED} (the default): only a manual compaction command compacts.
 *   <li>{@link Mode#PROVIDER_TRIGGERED}: the threshold is passed to the provider, which compacts inside a
 *       normal generation (OpenAI {@code context_management}); the engine prunes when the item lands.
 *   <li>{@link Mode#PROVIDER_STANDALONE}: the engine requests a standalone compaction before the next turn
 *       when the last turn's provider-reported input tokens reached {@code thresholdTokens}.
 * </ul>
 *
 * @param thresholdTokens the high-water mark in input tokens; 0 means none
 * @param targetTokens the size a standalone compaction should aim for; 0 means the provider's choice
 */
public record CompactionPolicy(Mode mode, long thresholdTokens, long targetTokens) {
  public static final CompactionPolicy DISABLED = new CompactionPolicy(Mode.DISABLED, 0, 0);

  public CompactionPolicy {
    Objects.requireNonNull(mode, "mode");
  }

  /** The compaction modes of the v1 contract. */
  public enum Mode {
    DISABLED("disabled"),
    PROVIDER_TRIGGERED("providerTriggered"),
    PROVIDER_STANDALONE("providerStandalone");

    private final String wireName;

    Mode(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  /** {@return whether a standalone compaction is due given the last turn's input tokens} */
  public boolean dueAt(long lastInputTokens) {
    return mode == Mode.PROVIDER_STANDALONE && thresholdTokens > 0 && lastInputTokens >= thresholdTokens;
  }
}
