package dev.lightspeed.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmServices;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.OpenAiErrors;
import dev.lightspeed.testkit.provider.RecordedRequest;
import dev.lightspeed.testkit.provider.ResponsesScript;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-process runner driving a real adapter over HTTP: runner → LlmService → OpenAI Responses → fake server. */
class ProviderRunEndToEndTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final UniverseId U = UniverseId.DEFAULT;
  static final Json.Obj CONFIG = CanonicalJson.parseObject(
      "{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"gpt-test\"}}");

  FakeProviderServer server;
  InMemoryBlobStore blobs;
  ScriptedTools tools;
  LocalSessions sessions;
  List<String> deltas = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = FakeProviderServer.start();
    blobs = new InMemoryBlobStore();
    tools = new ScriptedTools(blobs).tool("lookup", Parallelism.PARALLEL_SAFE, args -> "42 apples");
    ProviderRegistry providers = ProviderRegistry.of(new ProviderConfig("openai", server.url("/v1"), KeyRing.parse("sk-test"), Map.of()));
    LiveListener live = new LiveListener() {
      @Override
      public void onTextDelta(String session, long turn, String text) {
        deltas.add(text);
      }
    };
    var llm = LlmServices.create(providers, blobs, new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 5), live);
    sessions = new LocalSessions(new RunnerDependencies(new InMemorySessionLog(InstantSource.system()), blobs, llm, tools, InstantSource.system()), U);
  }

  @AfterEach
  void stop() {
    sessions.close();
    server.close();
  }

  @Test
  void aToolRoundTripRunsThroughTheRealAdapterAndReplaysTheCallByteForByte() throws Exception {
    server.enqueue(ResponsesScript.create().functionCall("call_1", "lookup", "{\"q\":\"apples\"}").streaming());
    server.enqueue(OpenAiErrors.rateLimited(Duration.ofMillis(5)));
    server.enqueue(ResponsesScript.create().text("There are ", "42 apples.").streaming());

    RunOutcome outcome = run("how many apples?");

    assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(deltas).containsExactly("There are ", "42 apples.");
    assertThat(tools.invocations()).extracting(ScriptedTools.Invocation::arguments).containsExactly("{\"q\":\"apples\"}");
    RecordedRequest first = server.takeRequest();
    assertThat(first.path()).isEqualTo("/v1/responses");
    assertThat(first.header("authorization")).isEqualTo("Bearer sk-test");
    assertThat(first.bodyJson().string("prompt_cache_key")).isEqualTo("e2e");
    server.takeRequest();
    String third = server.takeRequest().bodyText();
    assertThat(third).contains("\"type\":\"function_call_output\"").contains("\"call_id\":\"call_1\"").contains("42 apples");
    assertThat(third).doesNotContain("sk-test");
  }

  @Test
  void anAuthenticationFailureFailsTheRunWithTheProvidersMessageAndTheSessionStaysUsable() throws Exception {
    server.enqueue(OpenAiErrors.invalidApiKey());
    RunOutcome failed = run("hello");
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure()).contains(FailureKind.PROVIDER_ERROR);
    assertThat(new String(blobs.read(U, failed.reason().orElseThrow()))).contains("\"status\":401").doesNotContain("sk-test");

    server.enqueue(ResponsesScript.create().text("hi").streaming());
    SessionRunner runner = sessions.runner(SessionId.of("e2e")).orElseThrow();
    Admission again = runner.submitAndWait(new Command.RequestRun("second", List.of(InputItems.text(blobs, U, "again")), Json.Obj.EMPTY), WAIT);
    assertThat(SessionRunner.await(runner.outcome(((Admission.Admitted) again).run()), WAIT).status()).isEqualTo(RunStatus.COMPLETED);
  }

  private RunOutcome run(String text) throws Exception {
    SessionId id = SessionId.of("e2e");
    sessions.create(id, CONFIG, WAIT);
    SessionRunner runner = sessions.runner(id).orElseThrow();
    runner.submitAndWait(new Command.ReplaceTools(tools.specs(U)), WAIT);
    Admission admission = runner.submitAndWait(new Command.RequestRun("first", List.of(InputItems.text(blobs, U, text)), Json.Obj.EMPTY), WAIT);
    return SessionRunner.await(runner.outcome(((Admission.Admitted) admission).run()), WAIT);
  }
}
