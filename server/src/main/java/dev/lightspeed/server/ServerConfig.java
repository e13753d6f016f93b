package dev.lightspeed.server;

import dev.lightspeed.runtime.temporal.TemporalNames;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.store.mcp.MasterKey;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the server process reads from its environment, read once at start-up and grouped by concern.
 * Every variable has a default; a bad value fails here with a {@link ServerConfigException} naming it, so
 * a misconfigured process never half-starts.
 *
 * @param home the file-system store's root ({@code LIGHTSPEED_HOME}, default {@code ~/.lightspeed})
 * @param temporal where sessions are hosted
 * @param gatewayAddress where the gateway listens ({@code LIGHTSPEED_GATEWAY_ADDR}, default
 *     {@value #DEFAULT_GATEWAY_ADDR})
 * @param defaultModel the model a session gets when its config names none
 * @param postgres the production store ({@code LIGHTSPEED_POSTGRES_URL} and friends); empty means the file
 *     store under {@code home}
 * @param secretsKey the key MCP header values and OAuth tokens are sealed under ({@code LIGHTSPEED_SECRETS_MASTER_KEY},
 *     the base64 of 32 bytes); empty means such secrets cannot be stored
 */
public record ServerConfig(Path home, Temporal temporal, HostPort gatewayAddress, DefaultModel defaultModel,
    Optional<PostgresConfig> postgres, Optional<MasterKey> secretsKey) {
  public static final String HOME = "LIGHTSPEED_HOME";
  public static final String TEMPORAL_ADDRESS = "LIGHTSPEED_TEMPORAL_ADDRESS";
  public static final String TEMPORAL_NAMESPACE = "LIGHTSPEED_TEMPORAL_NAMESPACE";
  public static final String TASK_QUEUE = "LIGHTSPEED_TASK_QUEUE";
  public static final String HISTORY_THRESHOLD = "LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD";
  public static final String EMBEDDED_TEMPORAL_ADDR = "LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR";
  public static final String GATEWAY_ADDR = "LIGHTSPEED_GATEWAY_ADDR";
  public static final String CHAT_PROVIDER = "LIGHTSPEED_CHAT_PROVIDER";
  public static final String CHAT_API_KIND = "LIGHTSPEED_CHAT_API_KIND";
  public static final String CHAT_MODEL = "LIGHTSPEED_CHAT_MODEL";

  public static final String DEFAULT_GATEWAY_ADDR = "127.0.0.1:18080";
  public static final String DEFAULT_EMBEDDED_TEMPORAL_ADDR = "127.0.0.1:7233";
  public static final String DEFAULT_NAMESPACE = "default";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
  private static final Set<String> API_KINDS = Set.of("openai:responses", "openai:completions", "anthropic:messages");

  public ServerConfig {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(temporal, "temporal");
    Objects.requireNonNull(gatewayAddress, "gatewayAddress");
    Objects.requireNonNull(defaultModel, "defaultModel");
    Objects.requireNonNull(postgres, "postgres");
    Objects.requireNonNull(secretsKey, "secretsKey");
  }

  /**
   * Where sessions are hosted.
   *
   * @param address the Temporal frontend to connect to ({@code LIGHTSPEED_TEMPORAL_ADDRESS}); empty means
   *     embedded mode: an in-process Temporal server on {@code embeddedAddress}
   * @param namespace {@code LIGHTSPEED_TEMPORAL_NAMESPACE}, default {@value #DEFAULT_NAMESPACE}
   * @param taskQueue {@code LIGHTSPEED_TASK_QUEUE}, default {@value TemporalNames#TASK_QUEUE}
   * @param embeddedAddress {@code LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR}, default
   *     {@value #DEFAULT_EMBEDDED_TEMPORAL_ADDR}
   * @param historyThreshold {@code LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD}: a session's execution continues as new
   *     once its history has this many events (sooner when Temporal suggests it), default 10,000
   */
  public record Temporal(Optional<HostPort> address, String namespace, String taskQueue, HostPort embeddedAddress, long historyThreshold) {
    public Temporal {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(taskQueue, "taskQueue");
      Objects.requireNonNull(embeddedAddress, "embeddedAddress");
      if (historyThreshold < 1) throw new IllegalArgumentException("historyThreshold < 1: " + historyThreshold);
    }

    /** {@return the workflow tuning these settings give: the defaults with this history threshold} */
    public WorkflowTuning tuning() {
      return WorkflowTuning.DEFAULT.withHistoryThreshold(historyThreshold);
    }

    /** {@return whether this process runs Temporal itself} */
    public boolean embedded() {
      return address.isEmpty();
    }
  }

  /**
   * The model a session gets when its config has no {@code model} section ({@code LIGHTSPEED_CHAT_PROVIDER},
   * default {@code openai}; {@code LIGHTSPEED_CHAT_API_KIND}, default the provider's native API;
   * {@code LIGHTSPEED_CHAT_MODEL}, default {@code gpt-5} for OpenAI and {@code claude-sonnet-4-5} for
   * Anthropic, required for other providers).
   */
  public record DefaultModel(String providerId, String apiKind, String model) {
    public DefaultModel {
      Objects.requireNonNull(providerId, "providerId");
      Objects.requireNonNull(apiKind, "apiKind");
      Objects.requireNonNull(model, "model");
    }
  }

  /**
   * {@return the configuration in {@code env}}
   *
   * @throws ServerConfigException naming the first variable whose value is unusable
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    Path home = home(env);
    Optional<HostPort> temporalAddress = value(env, TEMPORAL_ADDRESS).map(v -> address(TEMPORAL_ADDRESS, v));
    String namespace = name(env, TEMPORAL_NAMESPACE, DEFAULT_NAMESPACE);
    String taskQueue = name(env, TASK_QUEUE, TemporalNames.TASK_QUEUE);
    HostPort embedded = address(EMBEDDED_TEMPORAL_ADDR, value(env, EMBEDDED_TEMPORAL_ADDR).orElse(DEFAULT_EMBEDDED_TEMPORAL_ADDR));
    HostPort gateway = address(GATEWAY_ADDR, value(env, GATEWAY_ADDR).orElse(DEFAULT_GATEWAY_ADDR));
    long threshold = positive(env, HISTORY_THRESHOLD, WorkflowTuning.DEFAULT.historyThreshold());
    return new ServerConfig(home, new Temporal(temporalAddress, namespace, taskQueue, embedded, threshold), gateway, defaultModel(env),
        PostgresConfig.fromEnvironment(env), secretsKey(env));
  }

  private static Optional<MasterKey> secretsKey(Map<String, String> env) {
    try {
      return MasterKey.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new ServerConfigException(MasterKey.VARIABLE, e.getMessage());
    }
  }

  private static Path home(Map<String, String> env) {
    Optional<String> configured = value(env, HOME);
    try {
      Path path = configured.map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".lightspeed"));
      return path.toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new ServerConfigException(HOME, "not a usable path: \"" + configured.orElse("") + "\" (" + e.getReason() + ")");
    }
  }

  private static HostPort address(String variable, String text) {
    try {
      return HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ServerConfigException(variable, e.getMessage());
    }
  }

  private static String name(Map<String, String> env, String variable, String fallback) {
    String value = value(env, variable).orElse(fallback);
    if (!NAME.matcher(value).matches()) {
      throw new ServerConfigException(variable, "expected letters, digits, '.', '_' or '-', not \"" + value + "\"");
    }
    return value;
  }

  private static long positive(Map<String, String> env, String variable, long fallback) {
    Optional<String> text = value(env, variable);
    if (text.isEmpty()) return fallback;
    try {
      long value = Long.parseLong(text.get());
      if (value >= 1) return value;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ServerConfigException(variable, "expected a whole number of at least 1, not \"" + text.get() + "\"");
  }

  private static DefaultModel defaultModel(Map<String, String> env) {
    String provider = value(env, CHAT_PROVIDER).orElse("openai");
    if (!provider.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      throw new ServerConfigException(CHAT_PROVIDER, "expected a provider id such as openai or anthropic, not \"" + provider + "\"");
    }
    String apiKind = value(env, CHAT_API_KIND).orElse(switch (provider) {
      case "openai" -> "openai:responses";
      case "anthropic" -> "anthropic:messages";
      default -> "openai:completions";
    });
    if (!API_KINDS.contains(apiKind)) {
      throw new ServerConfigException(CHAT_API_KIND, "expected one of openai:responses, openai:completions, anthropic:messages, not \""
          + apiKind + "\"");
    }
    Optional<String> model = value(env, CHAT_MODEL).or(() -> switch (provider) {
      case "openai" -> Optional.of("gpt-5");
      case "anthropic" -> Optional.of("claude-sonnet-4-5");
      default -> Optional.empty();
    });
    return new DefaultModel(provider, apiKind, model.orElseThrow(() -> new ServerConfigException(CHAT_MODEL,
        "required when " + CHAT_PROVIDER + " is \"" + provider + "\" (there is no default model for it)")));
  }

  /** {@return the stripped value of {@code variable}, empty when unset or blank} */
  static Optional<String> value(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
