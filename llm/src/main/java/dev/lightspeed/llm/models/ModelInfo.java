package dev.lightspeed.llm.models;

import java.util.Objects;

/**
 * One model a provider offers, as its models endpoint describes it.
 *
 * @param providerId the configured provider id the model was listed from, e.g. {@code openai}
 * @param id the model name to put in a {@code ModelRef}, e.g. {@code gpt-5} or {@code claude-sonnet-4-5}
 * @param displayName the provider's human-readable name, or {@code id} when the provider gives none
 * @param createdAt when the provider says the model was created, in epoch seconds, or 0 when unknown
 */
public record ModelInfo(String providerId, String id, String displayName, long createdAt) {
  public ModelInfo {
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
  }
}
