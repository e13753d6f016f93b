package dev.lightspeed.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lightspeed.api.ApiJson;
import dev.lightspeed.api.Methods;
import dev.lightspeed.api.input.InputItem;
import dev.lightspeed.api.run.RunStartParams;
import dev.lightspeed.api.run.RunStartSource;
import dev.lightspeed.api.session.SessionListParams;
import dev.lightspeed.api.session.SessionReadParams;
import dev.lightspeed.api.session.SessionStartParams;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.ResponsesScript;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded mode keeps nothing that matters in Temporal: a new server on the same home carries on. */
class EmbeddedRestartTest {
  @TempDir Path home;

  @Test
  void aRestartedServerShowsTheSameSessionAndRunsANewRun() throws Exception {
    String id = "survivor";
    JsonNode before;
    try (TestServer first = TestServer.scripted(home)) {
      ObjectNode config = (ObjectNode) ApiJson.mapper().readTree("{\"model\":" + TestServer.SCRIPTED_MODEL + "}");
      first.rpc.call(Methods.SESSION_START, new SessionStartParams(id, "Keep me", config, null));
      first.model.reply("before the restart");
      String run = first.rpc.call(Methods.RUN_START, new RunStartParams(id, RunStartSource.input(InputItem.text("one")), null, "r1", null))
          .at("/run/id").asText();
      new EventFeed(first.rpc, id).readUntil(EventFeed.type("runCompleted", run));
      before = first.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).get("session");
    }

    try (TestServer second = TestServer.scripted(home)) {
      JsonNode after = second.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).get("session");
      assertThat(after).isEqualTo(before);
      assertThat(second.rpc.call(Methods.SESSION_LIST, new SessionListParams(null, null)).get("sessions").findValuesAsText("displayName"))
          .containsExactly("Keep me");

      second.model.reply("after the restart");
      String run = second.rpc.call(Methods.RUN_START, new RunStartParams(id, RunStartSource.input(InputItem.text("two")), null, "r2", null))
          .at("/run/id").asText();
      assertThat(run).isEqualTo("2");
      new EventFeed(second.rpc, id).readUntil(EventFeed.type("runCompleted", run));
      JsonNode runs = second.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).at("/session/runs");
      assertThat(runs.findValuesAsText("status")).containsExactly("completed", "completed");
      assertThat(runs.get(1).get("entries").findValuesAsText("preview")).contains("two", "after the restart");
    }
  }

  @Test
  void aRunInProgressWhenTheServerStoppedCompletesAfterTheRestartWithoutAnotherCall() throws Exception {
    try (FakeProviderServer provider = FakeProviderServer.start()) {
      Map<String, String> env = Map.of("OPENAI_BASE_URL", provider.url("/v1").toString(), "OPENAI_API_KEY", "sk-test");
      String id = "interrupted";
      String run;
      provider.enqueue(ResponsesScript.create().text("cut ", "short").streaming().hangAfterEvents(1));
      try (TestServer first = TestServer.withEffects(home, env, Effects.fromEnvironment(env))) {
        ObjectNode config = (ObjectNode) ApiJson.mapper().readTree(
            "{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-fake\"}}");
        first.rpc.call(Methods.SESSION_START, new SessionStartParams(id, null, config, null));
        run = first.rpc.call(Methods.RUN_START, new RunStartParams(id, RunStartSource.input(InputItem.text("long")), null, "r1", null))
            .at("/run/id").asText();
        TestServer.eventually("the provider is streaming", () -> provider.responsesInFlight() == 1);
      }

      provider.enqueue(ResponsesScript.create().text("finished after the restart").streaming());
      try (TestServer second = TestServer.withEffects(home, env, Effects.fromEnvironment(env))) {
        // Only reads from here on: the server itself must pick the run up again.
        new EventFeed(second.rpc, id).readUntil(EventFeed.type("runCompleted", run));
        JsonNode runs = second.rpc.call(Methods.SESSION_READ, new SessionReadParams(id)).at("/session/runs");
        assertThat(runs.findValuesAsText("status")).containsExactly("completed");
        assertThat(provider.requestCount()).isEqualTo(2);
      }
    }
  }
}
