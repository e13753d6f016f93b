package dev.lightspeed.app;

import dev.lightspeed.cli.gateway.GatewayClient;
import dev.lightspeed.server.Effects;
import dev.lightspeed.server.LightspeedServer;
import dev.lightspeed.server.Role;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A running server (embedded Temporal and gateway on free ports, the file store in a temporary home) whose
 * sessions call a fake OpenAI, for client tests that name it with {@code --api-url}.
 */
final class TestGateway implements AutoCloseable {
  final FakeProviderServer provider;
  final LightspeedServer server;
  final Map<String, String> env;

  TestGateway(Path home) {
    provider = FakeProviderServer.start();
    env = providerEnv(provider, home);
    server = LightspeedServer.start(ServerConfig.fromEnvironment(env), Role.BOTH, Effects.fromEnvironment(env), CliRun.FAST);
  }

  /** {@return the environment of a process whose embedded runtime uses {@code provider} and {@code home}} */
  static Map<String, String> providerEnv(FakeProviderServer provider, Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("OPENAI_BASE_URL", provider.url("/v1").toString());
    env.put("OPENAI_API_KEY", "sk-test");
    env.put("LIGHTSPEED_CHAT_MODEL", "gpt-fake");
    env.put(ServerConfig.HOME, home.toString());
    env.put(ServerConfig.EMBEDDED_TEMPORAL_ADDR, "127.0.0.1:0");
    env.put(ServerConfig.GATEWAY_ADDR, "127.0.0.1:0");
    env.put(MasterKey.VARIABLE, "dGVzdCBrZXkgb2YgdGhlIHRlc3QgZ2F0ZXdheSEhISE="); // MCP header values and tokens are sealed under it
    return env;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.gatewayPort());
  }

  GatewayClient client() {
    return new GatewayClient(url());
  }

  @Override
  public void close() {
    server.shutdown(Duration.ofSeconds(1));
    provider.close();
  }
}
