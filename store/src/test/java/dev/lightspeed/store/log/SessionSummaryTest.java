package dev.lightspeed.store.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.engine.log.EventEnvelope;
import dev.lightspeed.engine.log.Joins;
import dev.lightspeed.engine.log.LogEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionSummaryTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private static final SessionId S = SessionId.of("s");

  @Test
  void createdSessionIsNewAndEmpty() {
    assertThat(SessionSummary.created(U, S, 100)).isEqualTo(new SessionSummary(U, S, SessionLifecycle.NEW, 0, 100, 100, 0));
  }

  @Test
  void appendedMovesHeadAndUpdatedAtButNotCreatedAt() {
    SessionSummary next = SessionSummary.created(U, S, 100).appended(List.of(entry(1, "x"), entry(2, "y")), 250);

    assertThat(next).isEqualTo(new SessionSummary(U, S, SessionLifecycle.NEW, 2, 100, 250, 0));
  }

  @Test
  void lifecycleEventsMoveTheLifecycleLastOneWinning() {
    SessionSummary created = SessionSummary.created(U, S, 0);

    assertThat(created.appended(List.of(entry(1, SessionLifecycle.OPENED_KIND)), 1).lifecycle()).isEqualTo(SessionLifecycle.OPEN);
    SessionSummary closed = created.appended(
        List.of(entry(1, SessionLifecycle.OPENED_KIND), entry(2, SessionLifecycle.CLOSED_KIND), entry(3, "x")), 1);
    assertThat(closed.lifecycle()).isEqualTo(SessionLifecycle.CLOSED);
    assertThat(closed.closedAtSeq()).isEqualTo(2);
    SessionSummary reopened = closed.appended(List.of(entry(4, SessionLifecycle.OPENED_KIND)), 2);
    assertThat(reopened.lifecycle()).isEqualTo(SessionLifecycle.OPEN);
    assertThat(reopened.closedAtSeq()).isZero();
  }

  @Test
  void appendedRejectsEntriesThatDoNotFollowTheHead() {
    SessionSummary created = SessionSummary.created(U, S, 0);

    assertThatThrownBy(() -> created.appended(List.of(entry(2, "x")), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry seq 2 does not follow 0");
    assertThatThrownBy(() -> created.appended(List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("committed is empty");
  }

  @Test
  void closedAtSeqMustFitTheLifecycleAndHead() {
    assertThatThrownBy(() -> new SessionSummary(U, S, SessionLifecycle.CLOSED, 3, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closedAtSeq 0 does not fit lifecycle closed");
    assertThatThrownBy(() -> new SessionSummary(U, S, SessionLifecycle.OPEN, 3, 0, 0, 2))
        .hasMessage("closedAtSeq 2 does not fit lifecycle open");
    assertThatThrownBy(() -> new SessionSummary(U, S, SessionLifecycle.CLOSED, 3, 0, 0, 4))
        .hasMessage("closedAtSeq out of range 0..3: 4");
    assertThatThrownBy(() -> new SessionSummary(U, S, SessionLifecycle.NEW, -1, 0, 0, 0)).hasMessage("head < 0: -1");
  }

  private static LogEntry entry(long seq, String kind) {
    return new LogEntry(seq, 0, Joins.NONE, new EventEnvelope(kind, 1, Json.Obj.EMPTY));
  }
}
