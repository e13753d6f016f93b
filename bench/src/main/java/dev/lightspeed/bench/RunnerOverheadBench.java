package dev.lightspeed.bench;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.runtime.local.InputItems;
import dev.lightspeed.runtime.local.LocalSessions;
import dev.lightspeed.runtime.local.RunnerDependencies;
import dev.lightspeed.runtime.local.SessionRunner;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process runner's overhead per turn: a 100-turn run (99 tool rounds and a final answer) against
 * the scripted model and scripted tools on in-memory stores, from request to durable completion. The model
 * and tools answer instantly, so the score is what hosting costs: admission, appends, planning, effect
 * dispatch on virtual threads, blob writes of the scripted outputs. Reported per turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RunnerOverheadBench {
  static final int TURNS = 100;
  static final Duration WAIT = Duration.ofSeconds(30);
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  static final Json.Obj CONFIG = ScriptedSessionRecording.CONFIG;

  private InMemoryBlobStore blobs;
  private ScriptedModel model;
  private ScriptedTools tools;
  private LocalSessions sessions;
  private int sessionCounter;

  @Setup(Level.Trial)
  public void start() {
    blobs = new InMemoryBlobStore();
    model = new ScriptedModel(blobs);
    tools = new ScriptedTools(blobs).tool("lookup", Parallelism.PARALLEL_SAFE, args -> "found " + args);
    sessions = new LocalSessions(new RunnerDependencies(new InMemorySessionLog(InstantSource.system()), blobs, model, tools, InstantSource.system()), UNIVERSE);
  }

  @Benchmark
  @OperationsPerInvocation(TURNS)
  public RunOutcome hundredTurnRun() throws TimeoutException {
    for (int i = 1; i < TURNS; i++) model.callTools(ScriptedCall.call("lookup", "{\"q\":" + i + "}"));
    model.reply("done");
    SessionId id = SessionId.of("bench-" + (++sessionCounter));
    sessions.create(id, CONFIG, WAIT);
    SessionRunner runner = sessions.runner(id).orElseThrow();
    runner.submitAndWait(new Command.ReplaceTools(tools.specs(UNIVERSE)), WAIT);
    Admission admission = runner.submitAndWait(new Command.RequestRun("run", List.of(InputItems.text(blobs, UNIVERSE, "go")), Json.Obj.EMPTY), WAIT);
    RunOutcome outcome = SessionRunner.await(runner.outcome(((Admission.Admitted) admission).run()), WAIT);
    if (outcome.status() != RunStatus.COMPLETED) throw new IllegalStateException("run ended " + outcome);
    runner.close();
    return outcome;
  }

  @TearDown(Level.Trial)
  public void stop() {
    sessions.close();
  }
}
