package dev.lightspeed.server;

import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.server.tools.BuiltinToolCatalog;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A whole server (embedded Temporal on a free port, the file store in a temporary home, the gateway on a
 * free port) for tests, with a scripted model and scripted tools unless the test brings its own effects.
 */
final class TestServer implements AutoCloseable {
  static final WorkflowTuning FAST = WorkflowTuning.DEFAULT.withLlmRetry(50, 200, 4).withHeartbeatTimeoutMs(2_000);
  static final String SCRIPTED_MODEL = "{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"}";

  final LightspeedServer server;
  final RpcClient rpc;
  ScriptedModel model;
  ScriptedTools tools;

  private TestServer(Path home, Map<String, String> env, Effects effects, boolean scripted) {
    Map<String, String> all = new HashMap<>(env);
    all.put(ServerConfig.HOME, home.toString());
    all.put(ServerConfig.EMBEDDED_TEMPORAL_ADDR, "127.0.0.1:0");
    all.put(ServerConfig.GATEWAY_ADDR, "127.0.0.1:0");
    Effects chosen = effects;
    if (scripted) {
      chosen = new Effects(ProviderRegistry.of(), (blobs, live, mcpTokens) -> model = new ScriptedModel(blobs), (blobs, workspaces) -> {
        tools = new ScriptedTools(blobs);
        return ToolCatalog.fixed(tools, tools::specs);
      });
    }
    server = LightspeedServer.start(ServerConfig.fromEnvironment(all), Role.BOTH, chosen, FAST);
    rpc = new RpcClient(server.gatewayPort());
  }

  /** A server with a scripted model and scripted tools (define tools before the first session starts). */
  static TestServer scripted(Path home) {
    return new TestServer(home, Map.of(), null, true);
  }

  /** A scripted server whose environment adds {@code env} (e.g. the PostgreSQL store's variables). */
  static TestServer scripted(Path home, Map<String, String> env) {
    return new TestServer(home, env, null, true);
  }

  /** A server whose effects come from {@code env} (e.g. OPENAI_BASE_URL pointing at a fake provider). */
  static TestServer withEffects(Path home, Map<String, String> env, Effects effects) {
    return new TestServer(home, env, effects, false);
  }

  /** A server with the real file tools and a scripted model, which is put into {@code model} once created. */
  static TestServer withFileTools(Path home, AtomicReference<ScriptedModel> model) {
    return withEffects(home, Map.of(), new Effects(ProviderRegistry.of(), (blobs, live, mcpTokens) -> {
      model.set(new ScriptedModel(blobs));
      return model.get();
    }, BuiltinToolCatalog::create));
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  @Override
  public void close() {
    server.shutdown(Duration.ofSeconds(1));
  }
}
