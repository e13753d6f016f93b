package dev.lightspeed.cli.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the user asked to change about a session's config ({@code --model}, {@code --provider},
 * {@code --api-kind}, {@code --effort}, {@code --max-tokens}, or {@code /model} and {@code /effort}), applied
 * to the config document the session has. A model named without a provider keeps the session's provider,
 * unless its name says otherwise ({@code claude-*} is Anthropic's, {@code gpt-*} and {@code o*} are OpenAI's).
 */
public record ChatSettings(
    Optional<String> model, Optional<String> provider, Optional<String> apiKind, Optional<Effort> effort, OptionalLong maxTokens) {
  /** No changes. */
  public static final ChatSettings NONE = new ChatSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      OptionalLong.empty());

  public ChatSettings {
    model = model.map(String::strip).filter(m -> !m.isEmpty());
    provider = provider.map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty());
    apiKind = apiKind.map(String::strip).filter(k -> !k.isEmpty());
    maxTokens.ifPresent(n -> {
      if (n <= 0) throw new IllegalArgumentException("--max-tokens must be a positive number of tokens, not " + n);
    });
  }

  /** {@return a change of the model only, as {@code /model NAME} asks} */
  public static ChatSettings ofModel(String model) {
    return new ChatSettings(Optional.of(model), Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty());
  }

  /** {@return a change of the effort only, as {@code /effort LEVEL} asks} */
  public static ChatSettings ofEffort(Effort effort) {
    return new ChatSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(effort), OptionalLong.empty());
  }

  /** {@return whether nothing is to change} */
  public boolean isEmpty() {
    return !namesModel() && effort.isEmpty() && maxTokens.isEmpty();
  }

  /** {@return whether the model section is to change} */
  public boolean namesModel() {
    return model.isPresent() || provider.isPresent() || apiKind.isPresent();
  }

  /**
   * {@return the config for a new session, or empty to take the deployment's defaults} The model section is
   * left out unless a provider can be told from the flags, so the gateway's default model applies.
   *
   * @throws IllegalArgumentException when a provider is named without a model and it has no default one
   */
  public Optional<ObjectNode> newSessionConfig() {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    Optional<String> chosenProvider = provider.or(() -> model.flatMap(ChatSettings::providerOf));
    if (chosenProvider.isPresent()) config.set("model", modelNode(chosenProvider.get(), apiKind.orElse(nativeApi(chosenProvider.get())),
        model.orElseGet(() -> defaultModel(chosenProvider.get()))));
    applyGeneration(config);
    return config.isEmpty() ? Optional.empty() : Optional.of(config);
  }

  /** {@return whether {@link #newSessionConfig()} leaves a model change for after creation} */
  public boolean needsModelAfterStart() {
    return model.isPresent() && provider.isEmpty() && providerOf(model.get()).isEmpty();
  }

  /**
   * {@return {@code current} (a stored session config) with these changes}
   *
   * @throws IllegalArgumentException when a provider is named without a model and it has no default one
   */
  public ObjectNode applyTo(ObjectNode current) {
    ObjectNode config = current.deepCopy();
    if (namesModel()) {
      JsonNode was = current.path("model");
      String wasProvider = was.path("providerId").asText("");
      String chosenProvider = provider.or(() -> model.flatMap(ChatSettings::providerOf)).orElse(wasProvider.isEmpty() ? "openai" : wasProvider);
      boolean same = chosenProvider.equals(wasProvider);
      String kind = apiKind.orElseGet(() -> same ? was.path("apiKind").asText(nativeApi(chosenProvider)) : nativeApi(chosenProvider));
      String name = model.orElseGet(() -> same ? was.path("model").asText(defaultModel(chosenProvider)) : defaultModel(chosenProvider));
      config.set("model", modelNode(chosenProvider, kind, name));
    }
    applyGeneration(config);
    return config;
  }

  private void applyGeneration(ObjectNode config) {
    if (effort.isEmpty() && maxTokens.isEmpty()) return;
    JsonNode existing = config.path("generation");
    ObjectNode generation = existing.isObject() ? (ObjectNode) existing : config.putObject("generation");
    effort.ifPresent(e -> generation.put("reasoningEffort", e.wire()));
    maxTokens.ifPresent(n -> generation.put("maxOutputTokens", n));
  }

  private static ObjectNode modelNode(String provider, String apiKind, String model) {
    return JsonNodeFactory.instance.objectNode().put("providerId", provider).put("apiKind", apiKind).put("model", model);
  }

  /** {@return the provider a model's name belongs to, when the name says} */
  static Optional<String> providerOf(String model) {
    String name = model.toLowerCase(Locale.ROOT);
    if (name.startsWith("claude")) return Optional.of("anthropic");
    if (name.startsWith("gpt-") || name.startsWith("chatgpt") || name.startsWith("codex") || name.matches("o[1-9](-.*)?")) {
      return Optional.of("openai");
    }
    return Optional.empty();
  }

  /** {@return the API a provider is spoken to through unless {@code --api-kind} says otherwise} */
  static String nativeApi(String provider) {
    return switch (provider) {
      case "openai" -> "openai:responses";
      case "anthropic" -> "anthropic:messages";
      default -> "openai:completions";
    };
  }

  private static String defaultModel(String provider) {
    return switch (provider) {
      case "openai" -> "gpt-5";
      case "anthropic" -> "claude-sonnet-4-5";
      default -> throw new IllegalArgumentException("provider \"" + provider + "\" has no default model; name one with --model");
    };
  }
}
