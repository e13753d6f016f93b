package dev.lightspeed.engine.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.event.Event;
import dev.lightspeed.engine.event.EventCodec;
import dev.lightspeed.engine.event.EventDecodeException;
import dev.lightspeed.engine.event.LifecycleEvent;
import dev.lightspeed.engine.event.RunEvent;
import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.engine.run.InputItem;
import dev.lightspeed.engine.run.RunStatus;
import dev.lightspeed.engine.session.Lifecycle;
import dev.lightspeed.engine.session.SessionState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying a log: the happy fold, and every kind of corruption reported with the seq that caused it. */
class ReplayTest {

  private static final Json.Obj CONFIG = Json.Obj.builder()
      .put("model", Json.Obj.builder().put("providerId", "p").put("apiKind", "openai:responses").put("model", "m").build()).build();
  private static final InputItem HELLO = InputItem.text(BlobRef.sha256("hello".getBytes(UTF_8)), 5, "hello");

  private static LogEntry entry(long seq, Event event) {
    return new LogEntry(seq, 1_000 + seq, event.joins(), EventCodec.encode(event));
  }

  private static LogEntry entry(long seq, EventEnvelope envelope) {
    return new LogEntry(seq, 1_000 + seq, Joins.NONE, envelope);
  }

  /** opened, run 1 accepted, run 1 started. */
  private static List<LogEntry> validLog() {
    List<LogEntry> log = new ArrayList<>();
    log.add(entry(1, new LifecycleEvent.Opened(CONFIG)));
    log.add(entry(2, new RunEvent.Accepted(1, "s1", List.of(HELLO), Json.Obj.EMPTY, Admit.inputDigest(List.of(HELLO), Json.Obj.EMPTY))));
    log.add(entry(3, new RunEvent.Started(1)));
    return log;
  }

  @Test
  void aValidLogFoldsToItsState() {
    SessionState s = Replay.fold(validLog());
    assertThat(s.head()).isEqualTo(3);
    assertThat(s.lifecycle()).isEqualTo(Lifecycle.OPEN);
    assertThat(s.runs().activeRun().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(s.context().entries()).hasSize(1);
    assertThat(Replay.fold(Replay.fold(validLog().subList(0, 2)), validLog().subList(2, 3))).isEqualTo(s);
  }

  @Test
  void anEmptyLogFoldsToTheInitialState() {
    assertThat(Replay.fold(List.of())).isEqualTo(SessionState.INITIAL);
  }

  @Test
  void aGapInSequenceNumbersNamesTheSeqAfterTheGap() {
    List<LogEntry> log = validLog();
    log.remove(1);
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 3: expected seq 2 after 1")
        .asInstanceOf(type(LogCorruptionException.class)).extracting(LogCorruptionException::seq).isEqualTo(3L);
  }

  @Test
  void aRepeatedSequenceNumberIsCorruption() {
    List<LogEntry> log = validLog();
    log.add(2, log.get(1));
    assertThatThrownBy(() -> Replay.fold(log)).isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 2: expected seq 3 after 2");
  }

  @Test
  void aLogThatDoesNotStartAtOneIsCorruption() {
    assertThatThrownBy(() -> Replay.fold(validLog().subList(1, 3))).isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 2: expected seq 1 after 0");
  }

  @Test
  void anUnknownKindNamesTheSeqAndTheKind() {
    List<LogEntry> log = validLog();
    log.set(1, entry(2, new EventEnvelope("lightspeed.core.run.exploded", 1, Json.Obj.EMPTY)));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 2: unknown event kind \"lightspeed.core.run.exploded\"")
        .cause().isInstanceOf(EventDecodeException.class)
        .extracting(c -> ((EventDecodeException) c).reason()).isEqualTo(EventDecodeException.Reason.UNKNOWN_KIND);
  }

  @Test
  void anUnsupportedVersionNamesTheSeqAndBothVersions() {
    List<LogEntry> log = validLog();
    EventEnvelope started = log.get(2).event();
    log.set(2, entry(3, new EventEnvelope(started.kind(), 2, started.payload())));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 3: unsupported version 2 of event kind \"lightspeed.core.run.started\" (this build reads version 1)");
  }

  @Test
  void aMalformedPayloadNamesTheSeqAndTheField() {
    List<LogEntry> log = validLog();
    log.set(2, entry(3, new EventEnvelope(RunEvent.Started.KIND, 1, Json.Obj.EMPTY)));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 3: malformed payload of event kind \"lightspeed.core.run.started\": missing field \"run\"");
  }

  @Test
  void anEventThatCannotApplyNamesTheSeqAndWhy() {
    List<LogEntry> log = new ArrayList<>(validLog().subList(0, 1));
    log.add(entry(2, new RunEvent.Started(7)));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 2: lightspeed.core.run.started cannot apply: run 7 is not at the head of the queue")
        .hasCauseInstanceOf(IllegalStateException.class)
        .asInstanceOf(type(LogCorruptionException.class)).extracting(LogCorruptionException::seq).isEqualTo(2L);
  }

  @Test
  void anEventBeforeTheSessionOpenedCannotApply() {
    assertThatThrownBy(() -> Replay.fold(List.of(entry(1, new RunEvent.Started(1)))))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 1: lightspeed.core.run.started cannot apply: session is new");
  }

  @Test
  void openingTwiceCannotApply() {
    List<LogEntry> log = new ArrayList<>(validLog());
    log.add(entry(4, new LifecycleEvent.Opened(CONFIG)));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 4: lightspeed.core.lifecycle.opened cannot apply: session is already open");
  }

  @Test
  void aClosedSessionAcceptsNoFurtherEvents() {
    List<LogEntry> log = new ArrayList<>(validLog().subList(0, 1));
    log.add(entry(2, new LifecycleEvent.Closed(false)));
    log.add(entry(3, new RunEvent.Accepted(1, "s1", List.of(HELLO), Json.Obj.EMPTY, "sha256:x")));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 3: lightspeed.core.run.accepted cannot apply: session is closed");
  }

  @Test
  void aStoredConfigThatNoLongerParsesIsCorruption() {
    List<LogEntry> log = List.of(entry(1, new LifecycleEvent.Opened(Json.Obj.builder().put("bogus", 1).build())));
    assertThatThrownBy(() -> Replay.fold(log))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 1: lightspeed.core.lifecycle.opened cannot apply: stored config is invalid: config has unknown field \"bogus\"");
  }

  @Test
  void applyingADecodedEventChecksItsSeqToo() {
    SessionState s = Replay.fold(validLog());
    assertThatThrownBy(() -> Replay.applyDecoded(s, 5, new RunEvent.CancellationRequested(1)))
        .isInstanceOf(LogCorruptionException.class)
        .hasMessage("event log corrupt at seq 5: expected seq 4 after 3");
    assertThat(Replay.applyDecoded(s, 4, new RunEvent.CancellationRequested(1)).runs().activeRun().status()).isEqualTo(RunStatus.CANCELLING);
  }
}
