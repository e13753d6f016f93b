package dev.lightspeed.llm.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The providers this deployment can call, by id. From the environment:
 *
 * <ul>
 *   <li>{@code openai}: {@code OPENAI_API_KEY} (comma-separated keys rotate), {@code OPENAI_BASE_URL}
 *       (default {@code https://api.openai.com/v1}). Registered when either is set, so a keyless
 *       OpenAI-compatible server works with just the base URL. {@code OPENAI_REASONING_SUMMARY}
 *       ({@code none} by default, {@code auto}, {@code concise}, {@code detailed}) asks Responses requests
 *       with a reasoning effort for reasoning summaries.
 *   <li>{@code anthropic}: {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_BASE_URL} (default
 *       {@code https://api.anthropic.com}), {@code ANTHROPIC_VERSION} (default {@code 2023-06-01}).
 *   <li>custom ids listed in {@code LIGHTSPEED_PROVIDERS} (comma-separated, e.g. {@code local}), each with
 *       {@code LIGHTSPEED_PROVIDER_<ID>_BASE_URL} (required) and {@code LIGHTSPEED_PROVIDER_<ID>_API_KEY}
 *       (optional): local servers such as Ollama, vLLM or llama.cpp, spoken to through Chat Completions;
 *       {@code LIGHTSPEED_PROVIDER_<ID>_REASONING_SUMMARY} as for OpenAI.
 * </ul>
 */
public final class ProviderRegistry {
  public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";
  public static final String DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

  private final Map<String, ProviderConfig> providers;

  /** Keeps {@code providers} in its iteration order, which {@link #all()} reports. */
  public ProviderRegistry(Map<String, ProviderConfig> providers) {
    providers.forEach((id, config) -> Objects.requireNonNull(config, "providers[" + Objects.requireNonNull(id, "provider id") + "]"));
    this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
  }

  public static ProviderRegistry of(ProviderConfig... configs) {
    Map<String, ProviderConfig> map = new LinkedHashMap<>();
    for (ProviderConfig c : configs) map.put(c.id(), c);
    return new ProviderRegistry(map);
  }

  /** @throws ConfigurationException naming the variable when a value is malformed */
  public static ProviderRegistry fromEnvironment(Map<String, String> env) {
    Map<String, ProviderConfig> map = new LinkedHashMap<>();
    String openAiKey = env.get("OPENAI_API_KEY");
    String openAiBase = env.get("OPENAI_BASE_URL");
    if (present(openAiKey) || present(openAiBase)) {
      map.put("openai", new ProviderConfig("openai", url("OPENAI_BASE_URL", present(openAiBase) ? openAiBase : DEFAULT_OPENAI_BASE_URL),
          KeyRing.parse(openAiKey), Map.of(), ReasoningSummary.parse("OPENAI_REASONING_SUMMARY", env.get("OPENAI_REASONING_SUMMARY"))));
    }
    String anthropicKey = env.get("ANTHROPIC_API_KEY");
    String anthropicBase = env.get("ANTHROPIC_BASE_URL");
    if (present(anthropicKey) || present(anthropicBase)) {
      String version = present(env.get("ANTHROPIC_VERSION")) ? env.get("ANTHROPIC_VERSION").strip() : DEFAULT_ANTHROPIC_VERSION;
      map.put("anthropic", new ProviderConfig("anthropic", url("ANTHROPIC_BASE_URL", present(anthropicBase) ? anthropicBase : DEFAULT_ANTHROPIC_BASE_URL),
          KeyRing.parse(anthropicKey), Map.of("anthropic-version", version)));
    }
    String custom = env.get("LIGHTSPEED_PROVIDERS");
    if (present(custom)) {
      for (String raw : custom.split(",")) {
        String id = raw.strip();
        if (id.isEmpty()) continue;
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
          throw new ConfigurationException("LIGHTSPEED_PROVIDERS: invalid provider id \"" + id + "\" (expected lowercase letters, digits, '-' or '_')");
        }
        String prefix = "LIGHTSPEED_PROVIDER_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        String base = env.get(prefix + "BASE_URL");
        if (!present(base)) throw new ConfigurationException(prefix + "BASE_URL is required for provider \"" + id + "\" listed in LIGHTSPEED_PROVIDERS");
        map.put(id, new ProviderConfig(id, url(prefix + "BASE_URL", base), KeyRing.parse(env.get(prefix + "API_KEY")), Map.of(),
            ReasoningSummary.parse(prefix + "REASONING_SUMMARY", env.get(prefix + "REASONING_SUMMARY"))));
      }
    }
    return new ProviderRegistry(map);
  }

  public Optional<ProviderConfig> find(String id) {
    return Optional.ofNullable(providers.get(id));
  }

  /** {@return every provider by id: from the environment openai, anthropic, then the custom ids in listed order} */
  public Map<String, ProviderConfig> all() {
    return providers;
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }

  private static URI url(String variable, String value) {
    try {
      URI uri = new URI(value.strip());
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigurationException(variable + " must be an http(s) URL, not \"" + value + "\"");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(variable + " is not a valid URL: \"" + value + "\" (" + e.getReason() + ")");
    }
  }
}
