package dev.lightspeed.engine.scenario;

import static dev.lightspeed.engine.scenario.TestHost.call;
import static dev.lightspeed.engine.scenario.TestHost.calls;
import static dev.lightspeed.engine.scenario.TestHost.finalText;
import static dev.lightspeed.engine.scenario.TestHost.plannedSize;
import static dev.lightspeed.engine.scenario.TestHost.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.RunStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code turn.planned} stores only a fingerprint and three revisions, so its size does not follow the transcript's. */
class PlannedTurnSizeTest {

  private static final int TURNS = 200;

  private static int digits(long n) {
    return Long.toString(n).length();
  }

  /** {@return the planned event's stored size with every number written as a single digit} */
  private static int sizeWithoutNumbers(TurnEvent.Planned p) {
    return plannedSize(EventCodec.encode(new TurnEvent.Planned(0, 0, p.fingerprint(), 0, 0, 0)));
  }

  @Test
  void thePlannedEventOfTurn200IsAsSmallAsThatOfTurn1() {
    TestHost host = TestHost.open().fullReplayEvery(0).checkSnapshots(false)
        .modelFallback(r -> (r.turn() < TURNS ? calls(call("c" + r.turn(), "read")) : finalText("done after " + TURNS)).answer(r));
    host.admit(run("s1", "go on for a while"));
    host.runUntilQuiet();
    host.verifyFullReplay();
    TestHost.checkSnapshot(host.state());

    assertThat(host.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.COMPLETED);
    List<EventEnvelope> planned = host.log().stream().map(LogEntry::event).filter(e -> e.kind().equals(TurnEvent.Planned.KIND)).toList();
    assertThat(planned).hasSize(TURNS);
    List<TurnEvent.Planned> events = planned.stream().map(e -> (TurnEvent.Planned) EventCodec.decode(e)).toList();
    TurnEvent.Planned first = events.get(0);
    TurnEvent.Planned last = events.get(TURNS - 1);

    assertThat(host.generations().get(TURNS - 1).context()).hasSize(1 + 2 * (TURNS - 1));
    assertThat(first.turn()).isEqualTo(1);
    assertThat(last.turn()).isEqualTo(TURNS);

    // Only the digits of the ids and revisions differ; the fingerprint is fixed-width.
    int growth = digits(last.turn()) - digits(first.turn()) + digits(last.contextRevision()) - digits(first.contextRevision());
    assertThat(plannedSize(planned.get(TURNS - 1))).isEqualTo(plannedSize(planned.get(0)) + growth);
    assertThat(events).extracting(PlannedTurnSizeTest::sizeWithoutNumbers).containsOnly(sizeWithoutNumbers(first));

    TurnEvent.Planned turn101 = events.get(100);
    assertThat(digits(turn101.turn())).isEqualTo(digits(last.turn()));
    assertThat(digits(turn101.contextRevision())).isEqualTo(digits(last.contextRevision()));
    assertThat(plannedSize(planned.get(100))).isEqualTo(plannedSize(planned.get(TURNS - 1)));
    assertThat(plannedSize(planned.get(TURNS - 1))).isLessThan(TestHost.MAX_PLANNED_BYTES);
  }

  @Test
  void thePlannedFingerprintChangesWithTheTranscriptButTheRequestIsNeverStored() {
    TestHost host = TestHost.open().reply(calls(call("c1", "read")), finalText("done"));
    host.admit(run("s1", "go"));
    host.runUntilQuiet();
    List<TurnEvent.Planned> planned = host.events(TurnEvent.Planned.class);
    assertThat(planned).hasSize(2);
    assertThat(planned.get(0).fingerprint()).isNotEqualTo(planned.get(1).fingerprint());
    assertThat(host.generations()).extracting(r -> r.fingerprint()).containsExactly(planned.get(0).fingerprint(), planned.get(1).fingerprint());
    assertThat(EventCodec.encode(planned.get(1)).payload().members().keySet())
        .containsExactlyInAnyOrder("run", "turn", "fingerprint", "configRevision", "contextRevision", "toolsRevision");
  }
}
