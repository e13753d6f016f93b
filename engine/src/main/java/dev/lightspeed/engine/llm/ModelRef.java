package dev.lightspeed.engine.llm;

import java.util.Objects;

/**
 * Which model serves a session: the provider id (resolved to a base URL and key by deployment config, never
 * stored in the log), the API kind ({@code openai:responses}, {@code openai:completions},
 * {@code anthropic:messages}), pinned for the session's lifetime, and the model name.
 */
public record ModelRef(String providerId, String apiKind, String model) {
  public ModelRef {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(apiKind, "apiKind");
    Objects.requireNonNull(model, "model");
  }
}
