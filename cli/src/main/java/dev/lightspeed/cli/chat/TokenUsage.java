package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Tokens a run used, as the provider counted them. {@code estimated} is true when the gateway reported no
 * counts and the numbers come from the context entries' token estimates instead.
 */
public record TokenUsage(long inputTokens, long outputTokens, long cachedInputTokens, boolean estimated) {
  public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, false);

  /** {@return the sum of this and {@code other}} */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens,
        cachedInputTokens + other.cachedInputTokens, estimated || other.estimated);
  }

  /** {@return the usage an event kind reports in its {@code usage} member, when it has one} */
  static Optional<TokenUsage> reportedIn(JsonNode kind) {
    JsonNode usage = kind.path("usage");
    if (!usage.isObject()) return Optional.empty();
    return Optional.of(new TokenUsage(usage.path("inputTokens").asLong(), usage.path("outputTokens").asLong(),
        usage.path("cachedInputTokens").asLong(), false));
  }
}
