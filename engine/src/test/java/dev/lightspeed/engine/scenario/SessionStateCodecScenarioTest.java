package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.compactionItem;
import static dev.lightspeed.engine.scenario.TestHost.failure;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static dev.lightspeed.engine.scenario.TestHost.steer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.Usage;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunOutcome;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.run.Turn;
import dev.lightspeed.engine.run.TurnPhase;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every state a session reaches survives its {@link dev.lightspeed.engine.session.SessionStateCodec} snapshot:
 * decoded it equals the live state, and its bytes re-encode identically. Checked after every committed
 * append of seeded random sequences and of a scripted session, which must between them reach every shape
 * the snapshot has to carry.
 */
class SessionStateCodecScenarioTest {
  private static final long BASE_SEED = 0x5_7A7E_C0DEL;
  private static final int SEQUENCES = 100;

  /** The shapes of state the snapshot must have carried at least once. */
  private static final Map<String, Predicate<SessionState>> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("an open turn with a tool call in flight", s -> s.runs().active().flatMap(Run::openTurn).flatMap(Turn::batch)
        .map(b -> b.inFlightCount() > 0).orElse(false));
    SHAPES.put("a generating turn", s -> s.runs().active().flatMap(Run::openTurn).map(t -> t.phase() == TurnPhase.GENERATING).orElse(false));
    SHAPES.put("a queued run", s -> !s.runs().queue().isEmpty());
    SHAPES.put("pending steering", s -> s.runs().active().map(r -> !r.pendingSteering().isEmpty()).orElse(false));
    SHAPES.put("a completed run", finished(RunStatus.COMPLETED));
    SHAPES.put("a failed run", finished(RunStatus.FAILED));
    SHAPES.put("a cancelled run", finished(RunStatus.CANCELLED));
    SHAPES.put("a pending compaction", s -> s.context().pendingCompaction().isPresent());
    SHAPES.put("tools", s -> !s.tooling().tools().isEmpty());
    SHAPES.put("a closed session", s -> s.lifecycle() == Lifecycle.CLOSED);
  }

  private static Predicate<SessionState> finished(RunStatus status) {
    return s -> s.runs().finished().values().stream().map(RunOutcome::status).anyMatch(status::equals);
  }

  /** Checks each committed state's snapshot and records which shapes were seen. */
  private static final class Observer {
    private final Set<String> seen = new LinkedHashSet<>();
    private int states;

    void accept(SessionState state) {
      TestHost.checkSnapshot(state);
      states++;
      SHAPES.forEach((name, shape) -> {
        if (shape.test(state)) seen.add(name);
      });
    }

    Set<String> missing() {
      Set<String> missing = new LinkedHashSet<>(SHAPES.keySet());
      missing.removeAll(seen);
      return missing;
    }
  }

  @Test
  void everyStateOfRandomSequencesSurvivesItsSnapshot() {
    Observer observer = new Observer();
    SplittableRandom seeds = new SplittableRandom(BASE_SEED);
    for (int i = 0; i < SEQUENCES; i++) {
      long seed = seeds.nextLong();
      RandomCommandSequencesTest.Sequence sequence = new RandomCommandSequencesTest.Sequence(seed);
      TestHost.checkSnapshot(sequence.host().state());
      sequence.host().onCommit(observer::accept);
      try {
        sequence.run();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("random sequence " + i + " failed; seed " + seed + "L: " + e.getMessage(), e);
      }
    }
    assertThat(observer.states).isGreaterThan(1_000);
    assertThat(observer.missing()).as("shapes the random sequences never reached").isEmpty();
  }

  @Test
  void everyStateOfAScriptedSessionSurvivesItsSnapshot() {
    TestHost host = TestHost.open().toolMode(TestHost.ToolMode.HOLD);
    Observer observer = new Observer();
    host.onCommit(observer::accept);

    host.reply(finalText("one"), failure("boom"), calls(call("c1", "read"), call("c2", "write")));
    host.admit(run("s1", "completes"));
    host.runUntilQuiet();
    host.admit(run("s2", "fails"));
    host.runUntilQuiet();
    host.admit(run("s3", "calls tools"));
    host.runUntilQuiet();
    host.admit(run("s4", "waits"));
    host.admit(steer("and also"));
    host.runUntilQuiet();
    host.admit(new Command.CancelRun(4));
    host.runUntilQuiet();
    assertThat(host.state().runs().activeRun().turn().batch().orElseThrow().inFlightCount()).isEqualTo(1);

    host.answerCall("c1");
    host.runUntilQuiet();
    host.answerCall("c2");
    host.runUntilQuiet();
    assertThat(host.heldGenerations()).hasSize(1);
    host.answerGeneration(finalText("three"));
    host.runUntilQuiet();

    host.admit(new Command.CompactContext());
    host.runUntilQuiet();
    long compaction = host.state().context().pendingCompaction().orElseThrow().id();
    host.answerCompaction(new CompactionResult.Completed(compaction, List.of(compactionItem("summary")), Usage.ZERO));
    host.runUntilQuiet();
    host.admit(new Command.CloseSession(false));
    host.runUntilQuiet();

    assertThat(observer.missing()).as("shapes the scripted session never reached").isEmpty();
  }
}
