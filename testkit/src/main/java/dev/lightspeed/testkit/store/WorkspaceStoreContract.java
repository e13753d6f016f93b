package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.vfs.SnapshotSummary;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceConflictException;
import dev.lightspeed.store.vfs.WorkspaceExistsException;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.store.vfs.WorkspaceNotFoundException;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link WorkspaceStore} contract, run against every backend by subclassing. A subclass supplies a fresh,
 * empty store per test whose timestamps come from the given clock.
 */
public abstract class WorkspaceStoreContract {
  protected static final UniverseId UNIVERSE = UniverseId.DEFAULT;
  protected static final UniverseId OTHER = UniverseId.of("other");
  protected static final WorkspaceId WS = WorkspaceId.of("ws-1");

  protected static final SnapshotSummary S1 = summary(1, 10, 100);
  protected static final SnapshotSummary S2 = summary(2, 20, 200);
  protected static final SnapshotSummary S3 = summary(3, 30, 300);

  protected ManualClock clock;
  protected WorkspaceStore store;

  /** {@return a new, empty store reading time from {@code clock}} Called once before each test. */
  protected abstract WorkspaceStore newStore(ManualClock clock);

  @BeforeEach
  void createStore() {
    clock = ManualClock.atEpochMilli(1_700_000_000_000L);
    store = newStore(clock);
  }

  protected static SnapshotSummary summary(int seed, long files, long bytes) {
    return new SnapshotSummary(BlobRef.sha256(new byte[] {(byte) seed}), files, bytes);
  }

  @Test
  public void createStartsAtTheFirstRevisionWithTheHeadAsBase() {
    Workspace created = store.create(UNIVERSE, WS, S1, Optional.of("Demo"));

    assertThat(created).isEqualTo(new Workspace(WS, S1, 1, S1.ref(), Optional.of("Demo"), 1_700_000_000_000L, 1_700_000_000_000L));
    assertThat(store.find(UNIVERSE, WS)).contains(created);
    assertThat(store.read(UNIVERSE, WS)).isEqualTo(created);
  }

  @Test
  public void creatingATakenIdFails() {
    store.create(UNIVERSE, WS, S1, Optional.empty());

    assertThatThrownBy(() -> store.create(UNIVERSE, WS, S2, Optional.empty()))
        .isInstanceOf(WorkspaceExistsException.class)
        .hasMessage("workspace already exists: ws-1");
    assertThat(store.read(UNIVERSE, WS).head()).isEqualTo(S1);
  }

  @Test
  public void anUpdateAtTheCurrentRevisionMovesTheHead() {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    clock.advance(Duration.ofSeconds(5));

    Workspace updated = store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));

    assertThat(updated.head()).isEqualTo(S2);
    assertThat(updated.revision()).isEqualTo(2);
    assertThat(updated.base()).isEqualTo(S1.ref());
    assertThat(updated.updatedAtMs()).isEqualTo(1_700_000_005_000L);
    assertThat(updated.createdAtMs()).isEqualTo(1_700_000_000_000L);
    assertThat(store.read(UNIVERSE, WS)).isEqualTo(updated);
  }

  @Test
  public void anUpdateWithAStaleRevisionConflictsAndChangesNothing() {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));

    assertThatThrownBy(() -> store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S3)))
        .isInstanceOf(WorkspaceConflictException.class)
        .hasMessage("workspace ws-1 changed while this write was prepared: it was at revision 1 and is now at revision 2;"
            + " nothing was written. Re-read the files and apply the change again.")
        .satisfies(e -> {
          WorkspaceConflictException conflict = (WorkspaceConflictException) e;
          assertThat(conflict.expectedRevision()).isEqualTo(1);
          assertThat(conflict.actualRevision()).isEqualTo(2);
          assertThat(conflict.workspace()).isEqualTo(WS);
        });
    assertThat(store.read(UNIVERSE, WS).head()).isEqualTo(S2);
    assertThat(store.read(UNIVERSE, WS).revision()).isEqualTo(2);
  }

  @Test
  public void anUpdateWithoutAnExpectedRevisionAlwaysApplies() {
    store.create(UNIVERSE, WS, S1, Optional.of("old"));
    store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));

    Workspace updated = store.update(UNIVERSE, WS, new WorkspaceUpdate(OptionalLong.empty(), S3, Optional.of("new")));

    assertThat(updated.revision()).isEqualTo(3);
    assertThat(updated.head()).isEqualTo(S3);
    assertThat(updated.displayName()).contains("new");
  }

  @Test
  public void anUpdateWithoutADisplayNameKeepsTheOldOne() {
    store.create(UNIVERSE, WS, S1, Optional.of("kept"));

    assertThat(store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2)).displayName()).contains("kept");
  }

  @Test
  public void ofRacingUpdatesWithTheSameRevisionExactlyOneApplies() throws Exception {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    AtomicInteger conflicts = new AtomicInteger();

    List<Optional<Workspace>> results = StartingGate.run(8, thread -> {
      try {
        return Optional.of(store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, summary(10 + thread, thread, thread))));
      } catch (WorkspaceConflictException e) {
        conflicts.incrementAndGet();
        return Optional.<Workspace>empty();
      }
    });

    List<Workspace> winners = results.stream().flatMap(Optional::stream).toList();
    assertThat(winners).hasSize(1);
    assertThat(conflicts).hasValue(7);
    assertThat(store.read(UNIVERSE, WS)).isEqualTo(winners.get(0));
    assertThat(store.read(UNIVERSE, WS).revision()).isEqualTo(2);
  }

  @Test
  public void sequentialWritersEachAtTheLatestRevisionAllApply() throws Exception {
    store.create(UNIVERSE, WS, S1, Optional.empty());

    StartingGate.run(4, thread -> {
      for (int i = 0; i < 10; i++) {
        while (true) {
          long revision = store.read(UNIVERSE, WS).revision();
          try {
            store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(revision, summary(thread * 16 + i, 1, 1)));
            break;
          } catch (WorkspaceConflictException retry) {
            // someone else moved the head first; read it again
          }
        }
      }
      return null;
    });

    assertThat(store.read(UNIVERSE, WS).revision()).isEqualTo(41);
  }

  @Test
  public void updatingOrDeletingAMissingWorkspaceFails() {
    assertThatThrownBy(() -> store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2)))
        .isInstanceOf(WorkspaceNotFoundException.class)
        .hasMessage("workspace not found: ws-1");
    assertThatThrownBy(() -> store.delete(UNIVERSE, WS)).isInstanceOf(WorkspaceNotFoundException.class);
    assertThatThrownBy(() -> store.read(UNIVERSE, WS)).isInstanceOf(WorkspaceNotFoundException.class);
    assertThat(store.find(UNIVERSE, WS)).isEmpty();
  }

  @Test
  public void deleteRemovesTheWorkspaceAndFreesItsId() {
    Workspace created = store.create(UNIVERSE, WS, S1, Optional.empty());
    store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));

    Workspace deleted = store.delete(UNIVERSE, WS);

    assertThat(deleted.head()).isEqualTo(S2);
    assertThat(store.find(UNIVERSE, WS)).isEmpty();
    assertThat(store.list(UNIVERSE)).isEmpty();
    Workspace again = store.create(UNIVERSE, WS, S3, Optional.empty());
    assertThat(again.revision()).isEqualTo(1);
    assertThat(again.base()).isEqualTo(S3.ref()).isNotEqualTo(created.base());
  }

  @Test
  public void listIsSortedById() {
    store.create(UNIVERSE, WorkspaceId.of("b"), S1, Optional.empty());
    store.create(UNIVERSE, WorkspaceId.of("a"), S2, Optional.empty());
    store.create(UNIVERSE, WorkspaceId.of("c"), S3, Optional.empty());

    assertThat(store.list(UNIVERSE)).extracting(w -> w.id().value()).containsExactly("a", "b", "c");
  }

  @Test
  public void universesDoNotSeeEachOthersWorkspaces() {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    store.create(OTHER, WS, S2, Optional.empty());

    store.update(OTHER, WS, WorkspaceUpdate.moveHead(1, S3));

    assertThat(store.read(UNIVERSE, WS).head()).isEqualTo(S1);
    assertThat(store.read(OTHER, WS).head()).isEqualTo(S3);
    assertThat(store.list(OTHER)).hasSize(1);
    assertThat(store.list(UniverseId.of("empty"))).isEmpty();
  }
}
