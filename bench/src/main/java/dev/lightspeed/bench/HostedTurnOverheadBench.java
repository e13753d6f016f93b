package dev.lightspeed.bench;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.tool.Parallelism;
import dev.lightspeed.llm.LiveListener;
import dev.lightspeed.llm.LlmServices;
import dev.lightspeed.llm.RetryPolicy;
import dev.lightspeed.llm.config.KeyRing;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.runtime.local.InputItems;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.provider.FakeProviderServer;
import dev.lightspeed.testkit.provider.ResponsesScript;
import dev.lightspeed.testkit.scripted.ScriptedCall;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What the hosted runtime costs per agent turn when the model and the tools cost nothing: a
 * {@value #TURNS}-turn run ({@value #TURNS} - 1 tool rounds and a final answer) on embedded Temporal with
 * in-memory stores, from the request to the durably committed completion. Each invocation uses a fresh
 * session (opened and tools installed outside the measurement, closed after it).
 *
 * <p>{@code model=SCRIPTED} answers in-process through {@code ScriptedModel}; {@code model=FAKE_PROVIDER}
 * goes through the real OpenAI Responses adapter over loopback HTTP to the testkit's
 * {@link FakeProviderServer}, which streams each answer with no delay.
 *
 * <p>The JMH score is the mean per turn including the run's admission and completion. The percentiles are
 * of single tool-round turns inside runs: the time from one tool call to the next, noted by the tool
 * itself, printed in the block headed {@code HostedTurnOverheadBench} (measurement iterations only), with
 * a breakdown of each turn into Temporal tasks ({@link HistoryTimeline}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class HostedTurnOverheadBench {
  static final int TURNS = 20;
  static final Json.Obj SCRIPTED = ScriptedSessionRecording.CONFIG;
  static final Json.Obj FAKE_PROVIDER = CanonicalJson.parseObject(
      "{\"model\":{\"providerId\":\"openai\",\"apiKind\":\"openai:responses\",\"model\":\"bench-model\"},"
          + "\"limits\":{\"maxTurns\":100000,\"maxToolRounds\":100000}}");

  /** Which model answers: the in-process scripted one, or the real adapter against the fake provider. */
  public enum Model {
    SCRIPTED,
    FAKE_PROVIDER
  }

  @Param({"SCRIPTED", "FAKE_PROVIDER"})
  public Model model;

  private HostedRig rig;
  private FakeProviderServer provider;
  private final TurnClock clock = new TurnClock();
  private final List<Long> turns = new ArrayList<>();
  private final HistoryTimeline timeline = new HistoryTimeline();
  private int measuredRuns;
  private boolean measuring;
  private int sessions;
  private SessionId session;
  private Future<String> runEnd;

  @Setup(Level.Trial)
  public void start() {
    InMemoryBlobStore blobs = new InMemoryBlobStore();
    if (model == Model.FAKE_PROVIDER) {
      provider = FakeProviderServer.start();
      ProviderRegistry providers = ProviderRegistry.of(new ProviderConfig("openai", provider.url("/v1"), KeyRing.parse("sk-bench"), Map.of()));
      var service = LlmServices.create(providers, blobs, new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 3), LiveListener.NONE);
      rig = HostedRig.start(TemporalPlacement.IN_PROCESS, WorkflowTuning.DEFAULT, new InMemorySessionLog(InstantSource.system()), blobs, m -> service);
    } else {
      rig = HostedRig.start(TemporalPlacement.IN_PROCESS, WorkflowTuning.DEFAULT, new InMemorySessionLog(InstantSource.system()), blobs, m -> m);
    }
    rig.tools.tool("lookup", Parallelism.PARALLEL_SAFE, args -> {
      clock.tick();
      return "found " + args;
    });
  }

  @Setup(Level.Iteration)
  public void iteration(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  @Setup(Level.Invocation)
  public void openSession() {
    session = rig.open("turns-" + (++sessions), provider == null ? SCRIPTED : FAKE_PROVIDER);
    for (int i = 1; i < TURNS; i++) {
      String args = "{\"q\":" + i + "}";
      if (provider == null) rig.model.callTools(ScriptedCall.call("lookup", args));
      else provider.enqueue(ResponsesScript.create().id("resp_" + i).functionCall("call_" + i, "lookup", args).streaming());
    }
    if (provider == null) rig.model.reply("done");
    else provider.enqueue(ResponsesScript.create().id("resp_" + TURNS).text("do", "ne").streaming());
    clock.drain();
    runEnd = rig.log.nextRunEnd(HostedRig.U, session);
  }

  @Benchmark
  @OperationsPerInvocation(TURNS)
  public String twentyTurnRun() {
    rig.submit(session, new Command.RequestRun("run", List.of(InputItems.text(rig.blobs, HostedRig.U, "go")), Json.Obj.EMPTY));
    String end = HostedRig.await(runEnd, "run of " + session.value());
    if (!end.endsWith(".completed")) throw new IllegalStateException("the run ended " + end);
    return end;
  }

  @TearDown(Level.Invocation)
  public void closeSession() {
    List<Long> ticks = clock.drain();
    if (measuring) {
      for (int i = 1; i < ticks.size(); i++) turns.add(ticks.get(i) - ticks.get(i - 1));
      timeline.add(rig.workflows.fetchHistory(rig.workflowId(session)).getEvents());
      measuredRuns++;
    }
    rig.submit(session, new Command.CloseSession(false));
  }

  @TearDown(Level.Trial)
  public void report() throws Exception {
    try {
      System.out.println("\n== HostedTurnOverheadBench (model=" + model + ") ==\n"
          + "tool-round turn, tool call to next tool call, measurement iterations: " + new Percentiles(turns).summary()
          + "\np50 target <= 25 ms: " + (new Percentiles(turns).millis(0.5) <= 25 ? "met" : "MISSED")
          + "\nTemporal tasks per turn, from history timestamps (" + measuredRuns + " runs, opening and closing included):\n"
          + timeline.perTurn(measuredRuns * TURNS));
    } finally {
      rig.close();
      if (provider != null) provider.close();
    }
  }
}
