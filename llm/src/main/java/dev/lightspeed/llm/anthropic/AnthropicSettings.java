package dev.lightspeed.llm.anthropic;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.json.JsonShapeException;
import dev.lightspeed.llm.ProviderError;
import dev.lightspeed.llm.ProviderException;
import java.util.Optional;

/**
 * The generation settings as the Messages API wants them.
 *
 * <ul>
 *   <li>{@code max_tokens} is required: {@code maxOutputTokens}, or {@link AnthropicMessagesAdapter#DEFAULT_MAX_TOKENS}
 *       plus the thinking budget when thinking is on (the budget counts against {@code max_tokens}).
 *   <li>{@code reasoningEffort} {@code minimal}/{@code low}/{@code medium}/{@code high} enables thinking with
 *       the matching budget; {@code none} or absent leaves it off. With an explicit {@code maxOutputTokens}
 *       the budget is capped at {@code maxOutputTokens - 1}, as the API requires, and thinking is off when
 *       that leaves less than the API's minimum budget (1,024).
 *   <li>{@code toolChoice} {@code auto}/{@code none}/{@code requiredAny}/{@code specific} maps to
 *       {@code auto}/{@code none}/{@code any}/{@code tool}; {@code parallelToolUse: false} adds
 *       {@code disable_parallel_tool_use} (except to {@code none}, which has no such field). The API
 *       refuses thinking together with a choice that forces tool use; {@link AnthropicRequestBuilder} then
 *       sends the request {@link #withoutThinking() without thinking}.
 * </ul>
 *
 * @param thinkingBudget the {@code budget_tokens}, or 0 for no thinking
 * @param toolChoiceType the Anthropic {@code tool_choice.type}, or null to send none
 * @param toolName the tool of a {@code tool} choice, else null
 */
record AnthropicSettings(long maxTokens, long thinkingBudget, String toolChoiceType, String toolName, boolean disableParallelToolUse) {

  /**
   * @throws ProviderException terminal {@code UNSUPPORTED} for a {@code reasoningEffort} or
   *     {@code toolChoice} this API has no equivalent of
   */
  static AnthropicSettings from(String provider, Json.Obj generation) throws ProviderException {
    try {
      Optional<Long> explicitMax = generation.findNumber("maxOutputTokens");
      long budget = budget(provider, generation.findString("reasoningEffort").orElse("none"));
      long maxTokens;
      if (explicitMax.isPresent()) {
        maxTokens = explicitMax.get();
        if (budget > 0) budget = Math.min(budget, maxTokens - 1);
        // The API's smallest budget is 1,024 tokens, and max_tokens must exceed it: a smaller output limit
        // leaves no room for thinking.
        if (budget < AnthropicMessagesAdapter.MINIMAL_THINKING_BUDGET) budget = 0;
      } else {
        maxTokens = AnthropicMessagesAdapter.DEFAULT_MAX_TOKENS + budget;
      }
      boolean parallel = generation.find("parallelToolUse").map(v -> v instanceof Json.Bool b ? b.value() : true).orElse(true);
      String type = null;
      String name = null;
      if (generation.find("toolChoice").orElse(null) instanceof Json.Obj choice) {
        String wanted = choice.findString("type").orElse("auto");
        type = switch (wanted) {
          case "auto" -> "auto";
          case "none" -> "none";
          case "requiredAny" -> "any";
          case "specific" -> {
            name = choice.string("toolId");
            yield "tool";
          }
          default -> throw unsupported(provider, "toolChoice \"" + wanted + "\" is not supported (expected auto, none, requiredAny or specific)");
        };
      }
      if (!parallel && type == null) type = "auto";
      return new AnthropicSettings(maxTokens, budget, type, name, !parallel && !"none".equals(type));
    } catch (JsonShapeException e) {
      throw unsupported(provider, "generation settings: " + e.getMessage());
    }
  }

  /** {@return whether the tool choice makes the model call a tool ({@code any} or {@code tool})} */
  boolean forcesToolUse() {
    return "any".equals(toolChoiceType) || "tool".equals(toolChoiceType);
  }

  /** {@return these settings with thinking off; {@code max_tokens} is kept, as it still leaves room for the answer} */
  AnthropicSettings withoutThinking() {
    return new AnthropicSettings(maxTokens, 0, toolChoiceType, toolName, disableParallelToolUse);
  }

  private static long budget(String provider, String effort) throws ProviderException {
    return switch (effort) {
      case "none" -> 0;
      case "minimal" -> AnthropicMessagesAdapter.MINIMAL_THINKING_BUDGET;
      case "low" -> AnthropicMessagesAdapter.LOW_THINKING_BUDGET;
      case "medium" -> AnthropicMessagesAdapter.MEDIUM_THINKING_BUDGET;
      case "high" -> AnthropicMessagesAdapter.HIGH_THINKING_BUDGET;
      default -> throw unsupported(provider, "reasoningEffort \"" + effort + "\" is not supported by "
          + AnthropicMessagesAdapter.API_KIND + " (expected none, minimal, low, medium or high)");
    };
  }

  private static ProviderException unsupported(String provider, String message) {
    return new ProviderException(new ProviderError.Terminal(provider, ProviderError.Terminal.Kind.UNSUPPORTED, 0, "", message));
  }
}
