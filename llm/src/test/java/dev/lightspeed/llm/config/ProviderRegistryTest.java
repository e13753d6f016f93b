package dev.lightspeed.llm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  @Test
  void anEmptyEnvironmentConfiguresNoProvider() {
    ProviderRegistry registry = ProviderRegistry.fromEnvironment(Map.of());
    assertThat(registry.all()).isEmpty();
    assertThat(registry.find("openai")).isEmpty();
  }

  @Test
  void anOpenAiKeyConfiguresOpenAiAtItsDefaultUrl() {
    ProviderConfig openai = ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1")).find("openai").orElseThrow();
    assertThat(openai.id()).isEqualTo("openai");
    assertThat(openai.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
    assertThat(openai.keys().current()).contains("sk-1");
    assertThat(openai.headers()).isEmpty();
  }

  @Test
  void anOpenAiBaseUrlAloneConfiguresAKeylessProvider() {
    ProviderConfig openai = ProviderRegistry.fromEnvironment(Map.of("OPENAI_BASE_URL", " http://localhost:11434/v1 ")).find("openai").orElseThrow();
    assertThat(openai.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
    assertThat(openai.keys().size()).isZero();
    assertThat(openai.keys().current()).isEmpty();
  }

  @Test
  void blankValuesCountAsUnset() {
    assertThat(ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", " ", "OPENAI_BASE_URL", "", "ANTHROPIC_API_KEY", "")).all()).isEmpty();
    ProviderConfig openai = ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL", "  ")).find("openai").orElseThrow();
    assertThat(openai.baseUrl()).isEqualTo(URI.create(ProviderRegistry.DEFAULT_OPENAI_BASE_URL));
  }

  @Test
  void commaSeparatedKeysRotate() {
    ProviderConfig openai = ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1, sk-2,sk-3")).find("openai").orElseThrow();
    assertThat(openai.keys().size()).isEqualTo(3);
    openai.keys().rotateFrom("sk-1");
    assertThat(openai.keys().current()).contains("sk-2");
  }

  @Test
  void reasoningSummariesAreAskedForOnlyWhenConfigured() {
    assertThat(ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1")).find("openai").orElseThrow().reasoningSummary())
        .isEqualTo(ReasoningSummary.NONE);
    assertThat(ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_REASONING_SUMMARY", " Auto "))
        .find("openai").orElseThrow().reasoningSummary()).isEqualTo(ReasoningSummary.AUTO);
    ProviderRegistry custom = ProviderRegistry.fromEnvironment(Map.of("LIGHTSPEED_PROVIDERS", "vllm",
        "LIGHTSPEED_PROVIDER_VLLM_BASE_URL", "http://localhost:8000/v1", "LIGHTSPEED_PROVIDER_VLLM_REASONING_SUMMARY", "concise"));
    assertThat(custom.find("vllm").orElseThrow().reasoningSummary()).isEqualTo(ReasoningSummary.CONCISE);
    assertThat(ReasoningSummary.DETAILED.wire()).isEqualTo("detailed");
    assertThat(ReasoningSummary.NONE.wire()).isNull();
  }

  @Test
  void anUnknownReasoningSummaryIsAConfigurationErrorNamingTheVariable() {
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_REASONING_SUMMARY", "brief")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("OPENAI_REASONING_SUMMARY must be none, auto, concise or detailed, not \"brief\"");
  }

  @Test
  void anAnthropicKeyConfiguresAnthropicWithTheDefaultVersionHeader() {
    ProviderConfig anthropic = ProviderRegistry.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "sk-ant-1")).find("anthropic").orElseThrow();
    assertThat(anthropic.baseUrl()).isEqualTo(URI.create("https://api.anthropic.com"));
    assertThat(anthropic.keys().current()).contains("sk-ant-1");
    assertThat(anthropic.headers()).containsExactly(Map.entry("anthropic-version", "2023-06-01"));
  }

  @Test
  void anthropicVersionAndBaseUrlCanBeOverridden() {
    ProviderConfig anthropic = ProviderRegistry.fromEnvironment(Map.of(
        "ANTHROPIC_BASE_URL", "http://127.0.0.1:8080",
        "ANTHROPIC_VERSION", " 2024-01-01 ")).find("anthropic").orElseThrow();
    assertThat(anthropic.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(anthropic.keys().size()).isZero();
    assertThat(anthropic.headers()).containsExactly(Map.entry("anthropic-version", "2024-01-01"));
  }

  @Test
  void anthropicVersionAloneConfiguresNothing() {
    assertThat(ProviderRegistry.fromEnvironment(Map.of("ANTHROPIC_VERSION", "2024-01-01")).all()).isEmpty();
  }

  @Test
  void customProvidersComeFromLightspeedProviders() {
    ProviderRegistry registry = ProviderRegistry.fromEnvironment(Map.of(
        "LIGHTSPEED_PROVIDERS", " local , vllm-2,",
        "LIGHTSPEED_PROVIDER_LOCAL_BASE_URL", "http://localhost:11434/v1",
        "LIGHTSPEED_PROVIDER_VLLM_2_BASE_URL", "https://vllm.internal:8000/v1",
        "LIGHTSPEED_PROVIDER_VLLM_2_API_KEY", "k-1,k-2"));
    ProviderConfig local = registry.find("local").orElseThrow();
    assertThat(local.baseUrl()).isEqualTo(URI.create("http://localhost:11434/v1"));
    assertThat(local.keys().size()).isZero();
    assertThat(local.headers()).isEmpty();
    ProviderConfig vllm = registry.find("vllm-2").orElseThrow();
    assertThat(vllm.baseUrl()).isEqualTo(URI.create("https://vllm.internal:8000/v1"));
    assertThat(vllm.keys().size()).isEqualTo(2);
    assertThat(vllm.keys().current()).contains("k-1");
  }

  @Test
  void providersAreListedOpenAiAnthropicThenCustomInOrder() {
    ProviderRegistry registry = ProviderRegistry.fromEnvironment(Map.of(
        "LIGHTSPEED_PROVIDERS", "zeta,alpha,mid",
        "LIGHTSPEED_PROVIDER_ZETA_BASE_URL", "http://z",
        "LIGHTSPEED_PROVIDER_ALPHA_BASE_URL", "http://a",
        "LIGHTSPEED_PROVIDER_MID_BASE_URL", "http://m",
        "ANTHROPIC_API_KEY", "k",
        "OPENAI_API_KEY", "k"));
    assertThat(registry.all().keySet()).containsExactly("openai", "anthropic", "zeta", "alpha", "mid");
  }

  @Test
  void aCustomProviderWithoutABaseUrlIsAConfigurationError() {
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("LIGHTSPEED_PROVIDERS", "local", "LIGHTSPEED_PROVIDER_LOCAL_API_KEY", "k")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("LIGHTSPEED_PROVIDER_LOCAL_BASE_URL is required for provider \"local\" listed in LIGHTSPEED_PROVIDERS");
  }

  @Test
  void aMalformedCustomProviderIdIsAConfigurationError() {
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("LIGHTSPEED_PROVIDERS", "Local Box")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("LIGHTSPEED_PROVIDERS: invalid provider id \"Local Box\" (expected lowercase letters, digits, '-' or '_')");
  }

  @Test
  void aUrlWithoutAnHttpSchemeIsAConfigurationErrorNamingTheVariable() {
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("OPENAI_BASE_URL", "localhost:11434/v1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("OPENAI_BASE_URL must be an http(s) URL, not \"localhost:11434/v1\"");
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("ANTHROPIC_BASE_URL", "ftp://api.anthropic.com")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("ANTHROPIC_BASE_URL must be an http(s) URL, not \"ftp://api.anthropic.com\"");
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("LIGHTSPEED_PROVIDERS", "local", "LIGHTSPEED_PROVIDER_LOCAL_BASE_URL", "/v1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("LIGHTSPEED_PROVIDER_LOCAL_BASE_URL must be an http(s) URL, not \"/v1\"");
  }

  @Test
  void anUnparseableUrlIsAConfigurationErrorNamingTheVariable() {
    assertThatThrownBy(() -> ProviderRegistry.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1", "OPENAI_BASE_URL", "http://local host/v1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("OPENAI_BASE_URL is not a valid URL: \"http://local host/v1\" (Illegal character in authority)");
  }

  @Test
  void registriesCanBeBuiltFromConfigs() {
    ProviderConfig a = new ProviderConfig("a", URI.create("http://a"), KeyRing.none(), Map.of());
    ProviderConfig b = new ProviderConfig("b", URI.create("http://b"), KeyRing.none(), Map.of());
    ProviderRegistry registry = ProviderRegistry.of(b, a);
    assertThat(registry.find("a")).containsSame(a);
    assertThat(registry.all().keySet()).containsExactly("b", "a");
  }

  @Test
  void resolveJoinsTheBaseUrlAndAPathWithOneSlash() {
    ProviderConfig withSlash = new ProviderConfig("x", URI.create("http://h:1/v1/"), KeyRing.none(), Map.of());
    ProviderConfig withoutSlash = new ProviderConfig("x", URI.create("http://h:1/v1"), KeyRing.none(), Map.of());
    assertThat(withSlash.resolve("/responses")).isEqualTo(URI.create("http://h:1/v1/responses"));
    assertThat(withSlash.resolve("responses")).isEqualTo(URI.create("http://h:1/v1/responses"));
    assertThat(withoutSlash.resolve("/responses")).isEqualTo(URI.create("http://h:1/v1/responses"));
    assertThat(withoutSlash.resolve("models")).isEqualTo(URI.create("http://h:1/v1/models"));
  }

  @Test
  void toStringNeverShowsKeys() {
    ProviderRegistry registry = ProviderRegistry.fromEnvironment(Map.of(
        "OPENAI_API_KEY", "sk-proj-secret-1,sk-proj-secret-2",
        "ANTHROPIC_API_KEY", "sk-ant-secret-3",
        "LIGHTSPEED_PROVIDERS", "local",
        "LIGHTSPEED_PROVIDER_LOCAL_BASE_URL", "http://localhost:8000/v1",
        "LIGHTSPEED_PROVIDER_LOCAL_API_KEY", "local-secret-4"));
    String everything = registry + " " + registry.all() + " " + registry.all().values();
    for (String secret : new String[] {"sk-proj-secret-1", "sk-proj-secret-2", "sk-ant-secret-3", "local-secret-4", "secret"}) {
      assertThat(everything).doesNotContain(secret);
    }
    assertThat(registry.find("openai").orElseThrow().toString()).contains("KeyRing[2 keys]");
  }
}
