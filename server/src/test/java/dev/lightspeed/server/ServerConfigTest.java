package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.runtime.temporal.TemporalNames;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The environment the server reads: defaults, overrides, and failures that name the variable. */
class ServerConfigTest {
  @Test
  void anEmptyEnvironmentGivesTheDocumentedDefaults() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of());
    assertThat(config.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".lightspeed").toAbsolutePath().normalize());
    assertThat(config.temporal().embedded()).isTrue();
    assertThat(config.temporal().namespace()).isEqualTo("default");
    assertThat(config.temporal().taskQueue()).isEqualTo(TemporalNames.TASK_QUEUE);
    assertThat(config.temporal().embeddedAddress()).isEqualTo(new HostPort("127.0.0.1", 7233));
    assertThat(config.temporal().historyThreshold()).isEqualTo(10_000);
    assertThat(config.temporal().tuning()).isEqualTo(WorkflowTuning.DEFAULT);
    assertThat(config.gatewayAddress()).isEqualTo(new HostPort("127.0.0.1", 18080));
    assertThat(config.defaultModel()).isEqualTo(new ServerConfig.DefaultModel("openai", "openai:responses", "gpt-5"));
  }

  @Test
  void everyVariableOverridesItsDefault() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of(
        "LIGHTSPEED_HOME", "/srv/lightspeed",
        "LIGHTSPEED_TEMPORAL_ADDRESS", "temporal.internal:7233",
        "LIGHTSPEED_TEMPORAL_NAMESPACE", "agents",
        "LIGHTSPEED_TASK_QUEUE", "agents-eu",
        "LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR", "127.0.0.1:17233",
        "LIGHTSPEED_GATEWAY_ADDR", "[::1]:9000",
        "LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD", "2500",
        "LIGHTSPEED_CHAT_PROVIDER", "anthropic"));
    assertThat(config.home()).isEqualTo(Path.of("/srv/lightspeed"));
    assertThat(config.temporal().address()).contains(new HostPort("temporal.internal", 7233));
    assertThat(config.temporal().embedded()).isFalse();
    assertThat(config.temporal().namespace()).isEqualTo("agents");
    assertThat(config.temporal().taskQueue()).isEqualTo("agents-eu");
    assertThat(config.temporal().embeddedAddress().port()).isEqualTo(17233);
    assertThat(config.temporal().tuning()).isEqualTo(WorkflowTuning.DEFAULT.withHistoryThreshold(2_500));
    assertThat(config.gatewayAddress()).isEqualTo(new HostPort("::1", 9000));
    assertThat(config.gatewayAddress().toString()).isEqualTo("[::1]:9000");
    assertThat(config.defaultModel()).isEqualTo(new ServerConfig.DefaultModel("anthropic", "anthropic:messages", "claude-sonnet-4-5"));
  }

  @Test
  void blankValuesMeanTheDefault() {
    assertThat(ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_TEMPORAL_ADDRESS", " ")).temporal().address()).isEqualTo(Optional.empty());
  }

  @Test
  void aBadValueFailsNamingTheVariable() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_GATEWAY_ADDR", "localhost")))
        .isInstanceOf(ServerConfigException.class)
        .hasMessage("LIGHTSPEED_GATEWAY_ADDR: expected host:port (e.g. 127.0.0.1:18080), not \"localhost\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR", "127.0.0.1:70000")))
        .hasMessage("LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR: port out of range 0..65535 in \"127.0.0.1:70000\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_TEMPORAL_ADDRESS", "temporal:abc")))
        .hasMessageStartingWith("LIGHTSPEED_TEMPORAL_ADDRESS: ");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_TASK_QUEUE", "no spaces")))
        .hasMessage("LIGHTSPEED_TASK_QUEUE: expected letters, digits, '.', '_' or '-', not \"no spaces\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_CHAT_API_KIND", "openai:chat")))
        .extracting(e -> ((ServerConfigException) e).variable()).isEqualTo("LIGHTSPEED_CHAT_API_KIND");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_CHAT_PROVIDER", "local")))
        .hasMessage("LIGHTSPEED_CHAT_MODEL: required when LIGHTSPEED_CHAT_PROVIDER is \"local\" (there is no default model for it)");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD", "0")))
        .hasMessage("LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD: expected a whole number of at least 1, not \"0\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD", "lots")))
        .hasMessage("LIGHTSPEED_TEMPORAL_HISTORY_THRESHOLD: expected a whole number of at least 1, not \"lots\"");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LIGHTSPEED_HOME", "bad\0path")))
        .hasMessageStartingWith("LIGHTSPEED_HOME: not a usable path");
  }

  @Test
  void rolesParseByNameAndListTheChoicesOtherwise() {
    assertThat(Role.parse("Gateway")).isEqualTo(Role.GATEWAY);
    assertThat(Role.BOTH.servesGateway() && Role.BOTH.runsWorker()).isTrue();
    assertThat(Role.WORKER.servesGateway()).isFalse();
    assertThatThrownBy(() -> Role.parse("all")).hasMessage("unknown role \"all\"; expected one of both, gateway, worker, migrate");
  }
}
