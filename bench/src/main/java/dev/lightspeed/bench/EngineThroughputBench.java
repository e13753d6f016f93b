package dev.lightspeed.bench;

import dev.lightspeed.engine.core.Evolve;
import dev.lightspeed.engine.core.Planner;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.session.SessionState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Apply + plan throughput of the pure core over a scripted 1,000-turn session (100 runs × 10 turns, nine
 * tool rounds and a final answer each): every recorded event is applied, and the planner runs after every
 * append batch, as the drive does live. The score is events per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class EngineThroughputBench {
  private List<List<Event>> batches;
  /** Events applied per invocation; events/s = eventsPerSession / (ms per op / 1000). */
  public int eventsPerSession;

  @Setup(Level.Trial)
  public void record() {
    ScriptedSessionRecording recording = ScriptedSessionRecording.record(100, 10);
    if (recording.turns() != 1_000) throw new IllegalStateException("expected 1000 turns, recorded " + recording.turns());
    batches = recording.batches();
    eventsPerSession = recording.entries().size();
    System.out.println("\n[EngineThroughputBench] events per session: " + eventsPerSession);
  }

  @Benchmark
  public SessionState applyAndPlanWholeSession(Blackhole bh) {
    SessionState s = SessionState.INITIAL;
    for (List<Event> batch : batches) {
      for (Event e : batch) s = Evolve.apply(s, e);
      bh.consume(Planner.plan(s));
    }
    return s;
  }
}
