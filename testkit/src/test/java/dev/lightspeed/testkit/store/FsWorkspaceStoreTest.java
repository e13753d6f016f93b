package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceStore;
import dev.lightspeed.store.vfs.WorkspaceUpdate;
import dev.lightspeed.store.vfs.fs.FsWorkspaceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsWorkspaceStoreTest extends WorkspaceStoreContract {
  @TempDir Path root;

  @Override
  protected WorkspaceStore newStore(ManualClock clock) {
    return new FsWorkspaceStore(root, clock);
  }

  @Test
  void aWorkspaceIsOneCanonicalJsonRecordUnderItsUniverse() throws IOException {
    store.create(UNIVERSE, WS, S1, Optional.of("Demo"));

    Path record = root.resolve("universes/default/workspaces/ws-1/workspace.json");
    assertThat(FsWorkspaceStore.workspacesDir(root, UNIVERSE).resolve("ws-1/workspace.json")).isEqualTo(record);
    assertThat(Files.readString(record, StandardCharsets.UTF_8)).isEqualTo("{\"base\":\"" + S1.ref() + "\",\"bytes\":100,"
        + "\"createdAtMs\":1700000000000,\"displayName\":\"Demo\",\"files\":10,\"head\":\"" + S1.ref() + "\","
        + "\"id\":\"ws-1\",\"revision\":1,\"updatedAtMs\":1700000000000,\"version\":1}");
  }

  @Test
  void anotherStoreOnTheSameRootSeesTheWorkspaces() {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    Workspace updated = store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));

    FsWorkspaceStore reopened = new FsWorkspaceStore(root, clock);

    assertThat(reopened.read(UNIVERSE, WS)).isEqualTo(updated);
    assertThat(reopened.list(UNIVERSE)).containsExactly(updated);
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    store.create(UNIVERSE, WS, S1, Optional.empty());
    store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(1, S2));
    store.update(UNIVERSE, WS, WorkspaceUpdate.moveHead(2, S3));

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("workspace.json", "lock");
    }
  }

  @Test
  void aStrayDirectoryWithoutARecordIsNotAWorkspace() throws IOException {
    Files.createDirectories(FsWorkspaceStore.workspacesDir(root, UNIVERSE).resolve("half-created"));
    Files.createDirectories(FsWorkspaceStore.workspacesDir(root, UNIVERSE).resolve(".hidden"));

    assertThat(store.list(UNIVERSE)).isEmpty();
  }
}
