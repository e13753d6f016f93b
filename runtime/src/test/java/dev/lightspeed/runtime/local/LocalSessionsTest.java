package dev.lightspeed.runtime.local;

import static dev.lightspeed.runtime.local.RunnerHarness.MODEL;
import static dev.lightspeed.runtime.local.RunnerHarness.U;
import static dev.lightspeed.runtime.local.RunnerHarness.WAIT;
import static dev.lightspeed.runtime.local.RunnerHarness.admitted;
import static dev.lightspeed.testkit.scripted.ScriptedCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.command.Rejection;
import dev.lightspeed.engine.drive.EffectContext;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionRequest;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.llm.LlmPort;
import dev.lightspeed.engine.llm.LlmRequest;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.engine.tool.RetrySafety;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LocalSessions}: creating sessions, routing commands, refusing bad input, and many sessions at once. */
class LocalSessionsTest {
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final InMemorySessionLog log = new InMemorySessionLog(InstantSource.system());
  private final PerSessionModel model = new PerSessionModel(blobs);
  private final ScriptedTools tools = new ScriptedTools(blobs)
      .tool("step", Parallelism.PARALLEL_SAFE, RetrySafety.RETRY_SAFE, Duration.ofMillis(5), args -> "stepped " + args);
  private final LocalSessions sessions = new LocalSessions(new RunnerDependencies(log, blobs, model, tools, InstantSource.system()), U);

  @AfterEach
  void closeSessions() {
    sessions.close();
  }

  private static Json.Obj json(String text) {
    return CanonicalJson.parseObject(text);
  }

  private Command.RequestRun run(String submissionId, String text) {
    return new Command.RequestRun(submissionId, List.of(InputItems.text(blobs, U, text)), Json.Obj.EMPTY);
  }

  @Test
  void aCommandForAnUnknownSessionIsRejectedAsNotFound() throws Exception {
    assertThat(sessions.submit(SessionId.of("nope"), run("sub-1", "hi"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.notFound("there is no session \"nope\"")));
    assertThat(sessions.runner(SessionId.of("nope"))).isEmpty();
    assertThat(log.find(U, SessionId.of("nope"))).isEmpty();
  }

  @Test
  void creatingASessionThatExistsIsAConflict() throws Exception {
    SessionId id = SessionId.of("s1");
    admitted(sessions.create(id, json(MODEL), WAIT));

    assertThat(sessions.create(id, json("{}"), WAIT)).isEqualTo(new Admission.Rejected(Rejection.conflict("session \"s1\" already exists")));
    assertThat(sessions.runner(id).orElseThrow().state().config().document()).isEqualTo(json(MODEL));
  }

  @Test
  void anInvalidConfigIsRejectedWithAMessageNamingTheField() throws Exception {
    assertThat(sessions.create(SessionId.of("a"), json("{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"\"}}"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("config.model.model must not be empty")));
    assertThat(sessions.create(SessionId.of("b"), json("{\"limits\":{\"maxTurns\":-1}}"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("config.limits.maxTurns must be an integer between 0 and 4294967295")));
    assertThat(sessions.create(SessionId.of("c"), json("{\"modle\":{}}"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("config has unknown field \"modle\"")));
    assertThat(sessions.create(SessionId.of("d"), json("{\"context\":{\"compaction\":{\"mode\":\"sometimes\"}}}"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid(
            "config.context.compaction.mode must be disabled, providerTriggered or providerStandalone, not \"sometimes\"")));
  }

  @Test
  void aSessionRejectedForItsConfigCanBeCreatedAgainWithAFixedOne() throws Exception {
    SessionId id = SessionId.of("s1");
    assertThat(sessions.create(id, json("{\"modle\":{}}"), WAIT)).isInstanceOf(Admission.Rejected.class);

    assertThat(sessions.create(id, json(MODEL), WAIT)).isInstanceOf(Admission.Admitted.class);
    assertThat(sessions.runner(id).orElseThrow().state().config().document()).isEqualTo(json(MODEL));
  }

  @Test
  void badRunRequestsAreRejectedAsInvalidWithoutTouchingTheLog() throws Exception {
    SessionId id = SessionId.of("s1");
    admitted(sessions.create(id, json(MODEL), WAIT));
    long head = log.head(U, id);

    assertThat(sessions.submit(id, new Command.RequestRun("sub-1", List.of(), Json.Obj.EMPTY), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("run input is empty")));
    assertThat(sessions.submit(id, run("has space", "hi"), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("invalid submission id \"has space\" (expected 1-128 of [A-Za-z0-9._:-])")));
    assertThat(sessions.submit(id, new Command.RequestRun("sub-1", run("x", "hi").input(), json("{\"model\":{}}")), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("run config has unknown field \"model\"")));
    assertThat(sessions.submit(id, new Command.SteerRun(0, List.of()), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.invalid("steering input is empty")));
    assertThat(sessions.submit(id, new Command.CancelRun(0), WAIT))
        .isEqualTo(new Admission.Rejected(Rejection.notFound("there is no active run to cancel")));
    assertThat(log.head(U, id)).isEqualTo(head);
  }

  @Test
  void fiftySessionsEachRunningThreeToolTurnsAllComplete() throws Exception {
    int n = 50;
    List<SessionId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SessionId id = SessionId.of("s" + i);
      ids.add(id);
      model.script(id).callTools(call("step", "1"), call("step", "2")).callTools(call("step", "3")).callTools(call("step", "4"))
          .reply("finished " + id.value());
    }
    long started = System.nanoTime();
    for (SessionId id : ids) {
      admitted(sessions.create(id, json(MODEL), WAIT));
      admitted(sessions.submit(id, new Command.ReplaceTools(tools.specs(U)), WAIT));
    }
    List<CompletableFuture<RunOutcome>> outcomes = new ArrayList<>();
    for (SessionId id : ids) {
      long runId = admitted(sessions.submit(id, run("sub-1", "go " + id.value()), WAIT)).run();
      outcomes.add(sessions.runner(id).orElseThrow().outcome(runId));
    }
    for (int i = 0; i < n; i++) {
      RunOutcome outcome = SessionRunner.await(outcomes.get(i), WAIT);
      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(new String(blobs.read(U, outcome.output().orElseThrow()), StandardCharsets.UTF_8)).isEqualTo("finished s" + i);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(5));
    assertThat(tools.invocations()).hasSize(n * 4);
    for (SessionId id : ids) {
      SessionRunner runner = sessions.runner(id).orElseThrow();
      runner.awaitQuiet(WAIT);
      assertThat(model.script(id).requests()).hasSize(4);
      assertThat(SessionLoader.load(log, U, id)).isEqualTo(runner.state());
    }
  }

  /** Routes each session's model calls to that session's own script, so concurrent sessions do not share turns. */
  private static final class PerSessionModel implements LlmPort {
    private final InMemoryBlobStore blobs;
    private final Map<String, ScriptedModel> scripts = new ConcurrentHashMap<>();

    PerSessionModel(InMemoryBlobStore blobs) {
      this.blobs = blobs;
    }

    ScriptedModel script(SessionId id) {
      return scripts.computeIfAbsent(id.value(), k -> new ScriptedModel(blobs));
    }

    @Override
    public GenerationResult generate(LlmRequest request, EffectContext ctx) {
      return script(SessionId.of(ctx.session())).generate(request, ctx);
    }

    @Override
    public CompactionResult compact(CompactionRequest request, EffectContext ctx) {
      return script(SessionId.of(ctx.session())).compact(request, ctx);
    }
  }
}
