package dev.lightspeed.store.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WorkspaceRulesTest {
  private static final SnapshotSummary A = new SnapshotSummary(BlobRef.sha256(new byte[] {1}), 1, 1);
  private static final SnapshotSummary B = new SnapshotSummary(BlobRef.sha256(new byte[] {2}), 2, 2);
  private static final WorkspaceId ID = WorkspaceId.of("ws");

  @Test
  void anUpdateAtTheCurrentRevisionMovesTheHeadAndBumpsTheRevision() {
    Workspace created = WorkspaceRules.created(ID, A, Optional.of("demo"), 10);

    Workspace updated = WorkspaceRules.apply(UniverseId.DEFAULT, created, WorkspaceUpdate.moveHead(1, B), 20);

    assertThat(updated).isEqualTo(new Workspace(ID, B, 2, A.ref(), Optional.of("demo"), 10, 20));
  }

  @Test
  void aStaleRevisionConflictsWithAMessageAModelCanActOn() {
    Workspace created = WorkspaceRules.created(ID, A, Optional.empty(), 10);

    assertThatThrownBy(() -> WorkspaceRules.apply(UniverseId.DEFAULT, created, WorkspaceUpdate.moveHead(0, B), 20))
        .isInstanceOf(WorkspaceConflictException.class)
        .hasMessage("workspace ws changed while this write was prepared: it was at revision 0 and is now at revision 1;"
            + " nothing was written. Re-read the files and apply the change again.");
  }

  @Test
  void anUnconditionalUpdateAppliesAtAnyRevisionAndCanRename() {
    Workspace created = WorkspaceRules.created(ID, A, Optional.empty(), 10);

    Workspace updated = WorkspaceRules.apply(UniverseId.DEFAULT, created,
        new WorkspaceUpdate(OptionalLong.empty(), B, Optional.of("renamed")), 5);

    assertThat(updated.revision()).isEqualTo(2);
    assertThat(updated.displayName()).contains("renamed");
    assertThat(updated.updatedAtMs()).as("time never runs backwards").isEqualTo(10);
  }
}
