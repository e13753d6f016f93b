package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.runtime.temporal.EmbeddedTemporal;
import dev.lightspeed.server.tools.ToolCatalog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway process and a worker process against one Temporal cluster and one store: the gateway only
 * admits and reads, the worker runs the session, and the gateway's long-polls see the worker's appends
 * by polling the store.
 */
class SplitRolesTest {
  @TempDir Path home;

  @Test
  void aGatewayAndAWorkerInSeparateRolesRunASessionTogether() {
    AtomicReference<ScriptedModel> model = new AtomicReference<>();
    Effects effects = new Effects(ProviderRegistry.of(), (blobs, live, mcpTokens) -> {
      model.set(new ScriptedModel(blobs).reply("from the worker"));
      return model.get();
    }, (blobs, workspaces) -> ToolCatalog.NONE);
    try (EmbeddedTemporal cluster = EmbeddedTemporal.start("127.0.0.1", 0)) {
      ServerConfig config = ServerConfig.fromEnvironment(Map.of(
          ServerConfig.HOME, home.toString(),
          ServerConfig.TEMPORAL_ADDRESS, "127.0.0.1:" + cluster.port(),
          ServerConfig.GATEWAY_ADDR, "127.0.0.1:0"));
      try (LightspeedServer worker = LightspeedServer.start(config, Role.WORKER, effects, TestServer.FAST);
          LightspeedServer gateway = LightspeedServer.start(config, Role.GATEWAY, effects, TestServer.FAST)) {
        assertThat(worker.embeddedTemporal()).isFalse();
        RpcClient rpc = new RpcClient(gateway.gatewayPort());
        assertThat(rpc.get("/ready").statusCode()).isEqualTo(200);

        rpc.call(Methods.SESSION_START, new SessionStartParams("split", null, null, null));
        JsonNode run = rpc.call(Methods.RUN_START, new RunStartParams("split", RunStartSource.input(InputItem.text("hi")), null, null, null));
        List<JsonNode> events = new EventFeed(rpc, "split").readUntil(EventFeed.type("runCompleted", run.at("/run/id").asText()));
        assertThat(events.getLast().at("/kind/outputRef").asText()).startsWith("sha256:");
        assertThat(model.get().requests()).hasSize(1);
      }
    }
  }
}
