package dev.lightspeed.engine.drive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.core.Replay;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.event.TurnEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.llm.CompactionResult;
import dev.lightspeed.engine.llm.GenerationResult;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.engine.run.FailureKind;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.Run;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.SessionState;
import dev.lightspeed.engine.tool.CallOutcome;
import dev.lightspeed.engine.tool.ToolCallResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drive's contract with its host: one action at a time, state only from committed entries, stale reports ignored. */
class DriveTest {

  private static final Json.Obj CONFIG = Json.Obj.builder()
      .put("model", Json.Obj.builder().put("providerId", "p").put("apiKind", "openai:responses").put("model", "m").build()).build();
  private static final InputItem HELLO = InputItem.text(BlobRef.sha256("hello".getBytes(UTF_8)), 5, "hello");

  private final List<LogEntry> log = new ArrayList<>();

  /** Commits an append as a store would and reports it. */
  private void commit(Drive drive, Action action) {
    Action.AppendEvents append = (Action.AppendEvents) action;
    assertThat(append.expectedHead()).isEqualTo(log.size());
    List<LogEntry> committed = new ArrayList<>();
    for (NewEntry e : append.entries()) {
      LogEntry entry = e.at(log.size() + 1);
      log.add(entry);
      committed.add(entry);
    }
    drive.resumeAppended(committed);
  }

  /** Commits appends until the drive hands out something else, which is returned. */
  private Action settle(Drive drive, long now) {
    while (true) {
      Action action = drive.next(now);
      if (!(action instanceof Action.AppendEvents)) return action;
      commit(drive, action);
    }
  }

  /** A drive whose run 1 is generating turn 1. */
  private Drive generating() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    drive.submit(new Command.RequestRun("s1", List.of(HELLO), Json.Obj.EMPTY));
    assertThat(settle(drive, 10)).isInstanceOf(Action.GenerateTurn.class);
    return drive;
  }

  @Test
  void aNewDriveIsIdleWithNothingOutstanding() {
    Drive drive = Drive.create();
    assertThat(drive.state()).isEqualTo(SessionState.INITIAL);
    assertThat(drive.projectedState()).isEqualTo(SessionState.INITIAL);
    assertThat(drive.next(1)).isEqualTo(new Action.Idle(0));
  }

  @Test
  void admittedEventsAreHandedOutAsOneAppendStampedWithTheHostTime() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    Action action = drive.next(1234);
    assertThat(action).isEqualTo(new Action.AppendEvents(0, List.of(
        new NewEntry(1234, new LifecycleEvent.Opened(CONFIG).joins(), EventCodec.encode(new LifecycleEvent.Opened(CONFIG))))));
    assertThat(drive.state()).isEqualTo(SessionState.INITIAL);
    commit(drive, action);
    assertThat(drive.state().head()).isEqualTo(1);
    assertThat(drive.state()).isEqualTo(Replay.fold(log));
  }

  @Test
  void nothingElseIsHandedOutWhileAnAppendIsInFlight() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    Action first = drive.next(1);
    assertThat(drive.next(2)).isEqualTo(new Action.Idle(0));

    Admission admitted = drive.submit(new Command.RequestRun("s1", List.of(HELLO), Json.Obj.EMPTY));
    assertThat(admitted).isInstanceOf(Admission.Admitted.class);
    assertThat(drive.state().lifecycle().wireName()).isEqualTo("new");
    commit(drive, first);

    Action second = drive.next(3);
    assertThat(((Action.AppendEvents) second).entries()).extracting(e -> e.event().kind()).containsExactly(RunEvent.Accepted.KIND);
    assertThat(((Action.AppendEvents) second).expectedHead()).isEqualTo(1);
  }

  @Test
  void reportingAnAppendThatWasNotHandedOutIsABug() {
    Drive drive = Drive.create();
    assertThatThrownBy(() -> drive.resumeAppended(List.of())).isInstanceOf(IllegalStateException.class).hasMessage("no append is in flight");

    drive.submit(new Command.OpenSession(CONFIG));
    Action.AppendEvents append = (Action.AppendEvents) drive.next(1);
    LogEntry good = append.entries().get(0).at(1);
    assertThatThrownBy(() -> drive.resumeAppended(List.of(good, good))).isInstanceOf(IllegalStateException.class)
        .hasMessage("appended 1 entries but 2 were reported");
    LogEntry other = new LogEntry(1, 999, good.joins(), good.event());
    assertThatThrownBy(() -> drive.resumeAppended(List.of(other))).isInstanceOf(IllegalStateException.class)
        .hasMessage("reported entry at seq 1 is not the entry that was appended");
    assertThat(drive.state()).isEqualTo(SessionState.INITIAL);
    drive.resumeAppended(List.of(good));
    assertThat(drive.state().head()).isEqualTo(1);
  }

  @Test
  void aDriveRebuiltFromTheLogHandsOutTheSameAppendForTheSameTime() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    drive.submit(new Command.RequestRun("s1", List.of(HELLO), Json.Obj.EMPTY));
    commit(drive, drive.next(1));
    Action planned = drive.next(50);
    assertThat(planned).isInstanceOf(Action.AppendEvents.class);

    Action again = Drive.resume(Replay.fold(log)).next(50);
    assertThat(again).isEqualTo(planned);
  }

  @Test
  void theGenerationIsHandedOutOnceAndTheDriveThenWaits() {
    Drive drive = generating();
    assertThat(drive.next(11)).isEqualTo(new Action.Idle(1));
    assertThat(drive.next(12)).isEqualTo(new Action.Idle(1));
    assertThat(drive.shouldAbort(1)).isFalse();
    assertThat(drive.shouldAbort(2)).isTrue();
  }

  @Test
  void aTurnWhoseRequestNoLongerMatchesItsFingerprintFailsTheRunWithInternal() {
    Drive drive = generating();
    SessionState s = drive.state();
    Run run = s.runs().activeRun();
    String forged = "sha256:" + "0".repeat(64);
    SessionState tampered = s.withRuns(s.runs().withActive(run.withOpenTurn(run.turn().planned(forged).generating())));

    Drive resumed = Drive.resume(tampered);
    Action action = resumed.next(20);
    assertThat(action).isInstanceOf(Action.AppendEvents.class);
    List<NewEntry> entries = ((Action.AppendEvents) action).entries();
    assertThat(entries).hasSize(2);
    TurnEvent.GenerationFailed failed = (TurnEvent.GenerationFailed) EventCodec.decode(entries.get(0).event());
    RunEvent.Failed runFailed = (RunEvent.Failed) EventCodec.decode(entries.get(1).event());
    assertThat(failed.reason()).isEqualTo(WellKnownBlob.PLANNING_FAILED.ref());
    assertThat(failed.message()).startsWith("turn 1 was planned as " + forged + " but its request now rebuilds as sha256:");
    assertThat(runFailed).isEqualTo(new RunEvent.Failed(1, FailureKind.INTERNAL, WellKnownBlob.PLANNING_FAILED.ref(), failed.message()));
  }

  @Test
  void staleReportsAreIgnored() {
    Drive drive = generating();
    assertThat(drive.resumeGeneration(new GenerationResult.Cancelled(2))).isFalse();
    assertThat(drive.resumeCompaction(new CompactionResult.Failed(1, WellKnownBlob.PLANNING_FAILED.ref(), "x"))).isFalse();
    assertThat(drive.resumeToolCall(new ToolCallResult(1, "c1", CallOutcome.COMPLETED,
        WellKnownBlob.PLANNING_FAILED.ref(), 1, "x"))).isFalse();
    assertThat(drive.next(11)).isEqualTo(new Action.Idle(1));
  }

  @Test
  void aReportIsJudgedAgainstWhatIsAlreadyAdmittedNotOnlyWhatIsCommitted() {
    Drive drive = generating();
    drive.submit(new Command.ForceCancelRun(0));
    assertThat(drive.shouldAbort(1)).isTrue();
    assertThat(drive.resumeGeneration(new GenerationResult.Cancelled(1))).isFalse();
    assertThat(drive.state().runs().activeRun().status()).isEqualTo(RunStatus.RUNNING);
    settle(drive, 30);
    assertThat(drive.state().runs().finished().get(1L).status()).isEqualTo(RunStatus.CANCELLED);
  }

  @Test
  void aClosedSessionStaysClosed() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    drive.submit(new Command.CloseSession(false));
    assertThat(settle(drive, 1)).isEqualTo(new Action.Closed());
    assertThat(drive.next(2)).isEqualTo(new Action.Closed());
    assertThat(Drive.resume(Replay.fold(log)).next(3)).isEqualTo(new Action.Closed());
  }

  @Test
  void theProjectedStateEqualsTheCommittedStateOnceEverythingIsCommitted() {
    Drive drive = Drive.create();
    drive.submit(new Command.OpenSession(CONFIG));
    drive.submit(new Command.RequestRun("s1", List.of(HELLO), Json.Obj.EMPTY));
    settle(drive, 1);
    assertThat(drive.projectedState()).isEqualTo(drive.state());
  }
}
