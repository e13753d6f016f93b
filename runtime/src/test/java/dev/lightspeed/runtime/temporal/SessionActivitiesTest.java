package dev.lightspeed.runtime.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.command.Admission;
import dev.lightspeed.engine.command.Command;
import dev.lightspeed.engine.drive.Action;
import dev.lightspeed.engine.drive.Drive;
import dev.lightspeed.engine.json.CanonicalJson;
import dev.lightspeed.engine.log.NewEntry;
import dev.lightspeed.store.SessionId;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.memory.InMemorySessionLog;
import dev.lightspeed.testkit.scripted.ScriptedModel;
import dev.lightspeed.testkit.scripted.ScriptedTools;
import io.temporal.failure.ApplicationFailure;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The storage activities outside Temporal: bootstrap guard, typed failures, idempotent appends. */
class SessionActivitiesTest {
  private static final UniverseId U = UniverseId.DEFAULT;
  private final InMemorySessionLog log = new InMemorySessionLog(InstantSource.system());
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();

  private SessionActivitiesImpl activities(int maxStateBytes) {
    return new SessionActivitiesImpl(log, blobs, new ScriptedModel(blobs), SessionTools.of(new ScriptedTools(blobs)), new RunAborts(), RunPreparer.NONE, maxStateBytes);
  }

  /** Opens a session through the engine and {@return the canonical texts of its opening entries} */
  private List<String> openingEntries() {
    Drive drive = Drive.create();
    assertThat(drive.submit(new Command.OpenSession(CanonicalJson.parseObject(HostedHarness.MODEL)))).isInstanceOf(Admission.Admitted.class);
    Action.AppendEvents append = (Action.AppendEvents) drive.next(1_000);
    return append.entries().stream().map(SessionActivitiesImpl::entryText).toList();
  }

  @Test
  void aRetriedAppendIsConfirmedWithTheSameHead() {
    log.create(U, SessionId.of("s"));
    List<String> entries = openingEntries();
    SessionActivitiesImpl a = activities(SessionActivitiesImpl.MAX_STATE_BYTES);

    long head = a.appendEvents(U.value(), "s", 0, entries);

    assertThat(a.appendEvents(U.value(), "s", 0, entries)).isEqualTo(head);
    assertThat(log.head(U, SessionId.of("s"))).isEqualTo(head);
  }

  @Test
  void aDifferentAppendAtAStaleHeadIsANonRetryableConflict() {
    log.create(U, SessionId.of("s"));
    SessionActivitiesImpl a = activities(SessionActivitiesImpl.MAX_STATE_BYTES);
    a.appendEvents(U.value(), "s", 0, openingEntries());
    String other = SessionActivitiesImpl.entryText(new NewEntry(2_000, SessionActivitiesImpl.newEntry(openingEntries().get(0)).joins(),
        SessionActivitiesImpl.newEntry(openingEntries().get(0)).event()));

    assertThatThrownBy(() -> a.appendEvents(U.value(), "s", 0, List.of(other)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(Failures.APPEND_CONFLICT);
          assertThat(f.isNonRetryable()).isTrue();
        });
  }

  @Test
  void bootstrapFoldsTheLogInsideTheActivity() {
    log.create(U, SessionId.of("s"));
    SessionActivitiesImpl a = activities(SessionActivitiesImpl.MAX_STATE_BYTES);
    long head = a.appendEvents(U.value(), "s", 0, openingEntries());

    LoadedSession loaded = a.loadSession(U.value(), "s");

    assertThat(loaded.head()).isEqualTo(head);
    assertThat(loaded.state()).contains("scripted").hasSizeLessThan(SessionActivitiesImpl.MAX_STATE_BYTES);
  }

  @Test
  void aStateAboveTheGuardIsATypedNonRetryableFailure() {
    log.create(U, SessionId.of("s"));
    SessionActivitiesImpl a = activities(64);
    a.appendEvents(U.value(), "s", 0, openingEntries());

    assertThatThrownBy(() -> a.loadSession(U.value(), "s"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(Failures.STATE_TOO_LARGE);
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getOriginalMessage()).contains("64-byte bootstrap limit");
        });
  }

  @Test
  void anUnknownSessionIsATypedNonRetryableFailure() {
    assertThatThrownBy(() -> activities(SessionActivitiesImpl.MAX_STATE_BYTES).loadSession(U.value(), "nobody"))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(Failures.SESSION_NOT_FOUND);
          assertThat(f.isNonRetryable()).isTrue();
        });
  }
}
