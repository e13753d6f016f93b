package dev.lightspeed.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRunnerSmokeTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final UniverseId U = UniverseId.DEFAULT;

  @Test
  void aRunWithAToolCallCompletesWithTheFinalAnswer() throws Exception {
    InMemoryBlobStore blobs = new InMemoryBlobStore();
    InMemorySessionLog log = new InMemorySessionLog(InstantSource.system());
    ScriptedModel model = new ScriptedModel(blobs)
        .callTools(ScriptedCall.call("echo", "{\"text\":\"hi\"}"))
        .reply("all done");
    ScriptedTools tools = new ScriptedTools(blobs).tool("echo", Parallelism.PARALLEL_SAFE, args -> "echo " + args);
    RunnerDependencies deps = new RunnerDependencies(log, blobs, model, tools, InstantSource.system());
    try (LocalSessions sessions = new LocalSessions(deps, U)) {
      SessionId id = SessionId.of("s1");
      Json.Obj config = CanonicalJson.parseObject("{\"model\":{\"providerId\":\"scripted\",\"apiKind\":\"openai:responses\",\"model\":\"m\"}}");
      assertThat(sessions.create(id, config, WAIT)).isInstanceOf(Admission.Admitted.class);
      SessionRunner runner = sessions.runner(id).orElseThrow();
      runner.submitAndWait(new Command.ReplaceTools(tools.specs(U)), WAIT);
      Admission admission = runner.submitAndWait(new Command.RequestRun("sub-1", List.of(InputItems.text(blobs, U, "say hi")), Json.Obj.EMPTY), WAIT);
      long run = ((Admission.Admitted) admission).run();
      RunOutcome outcome = SessionRunner.await(runner.outcome(run), WAIT);

      assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(new String(blobs.read(U, outcome.output().orElseThrow()), StandardCharsets.UTF_8)).isEqualTo("all done");
      assertThat(tools.invocations()).extracting(ScriptedTools.Invocation::name).containsExactly("echo");
      runner.awaitQuiet(WAIT);
      assertThat(SessionLoader.load(log, U, id)).isEqualTo(runner.state());
      assertThat(sessions.submit(SessionId.of("nope"), new Command.CompactContext(), WAIT))
          .isEqualTo(new Admission.Rejected(dev.lightspeed.engine.command.Rejection.notFound("there is no session \"nope\"")));
    }
  }
}
