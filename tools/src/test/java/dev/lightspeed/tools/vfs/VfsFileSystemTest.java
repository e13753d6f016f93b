package dev.lightspeed.tools.vfs;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.Snapshots;
import dev.lightspeed.store.vfs.VfsFile;
import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.store.vfs.Workspace;
import dev.lightspeed.store.vfs.WorkspaceId;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.fs.Commit;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FsError;
import dev.lightspeed.tools.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Linked roots: routing by deepest prefix, listings of link parents, permissions, paths, commits. */
class VfsFileSystemTest {
  private static final ToolRegistry TOOLS = FileTools.all();

  private final LinkedVfs vfs = new LinkedVfs();

  private ToolResult call(String tool, String json) {
    return TOOLS.find(tool).orElseThrow().invoke(ToolArgs.parseObject(json), ToolContext.of(vfs.fs));
  }

  @Test
  void theWorkingDirectoryIsTheFirstReadWriteWorkspaceLink() {
    assertThat(vfs.fs.workingDirectory()).isEqualTo(VfsPath.parse("/workspace"));
    VfsFileSystem readOnly = new VfsFileSystem(LinkedVfs.U, List.of(
        LinkedVfs.link("/refs", new LinkTarget.Snapshot(vfs.refSnapshot), LinkAccess.READ_WRITE),
        LinkedVfs.link("/lib", new LinkTarget.Workspace(LinkedVfs.LIB), LinkAccess.READ_ONLY)), vfs.workspaces, vfs.snapshots);
    assertThat(readOnly.workingDirectory()).isEqualTo(VfsPath.ROOT);
  }

  @Test
  void theRootListsTheLinksBelowIt() {
    assertThat(call("LS", json("path", "/"))).isEqualTo(ToolResult.ok("/\n  refs/\n  ro/\n  workspace/"));
  }

  @Test
  void aNestedLinkShowsInItsParentAndTakesItsPaths() {
    assertThat(call("list_dir", "{}")).isEqualTo(ToolResult.ok("/workspace/\n  README.md\n  src/\n  vendor/"));
    assertThat(call("read_file", json("path", "vendor/lib.txt"))).isEqualTo(ToolResult.ok("     1\tlibrary"));
    assertThat(call("glob", json("pattern", "**/*.txt")))
        .isEqualTo(ToolResult.ok("/workspace/src/a.txt\n/workspace/vendor/lib.txt"));
    assertThat(call("grep", json("pattern", "a", "path", "/")))
        .isEqualTo(ToolResult.ok("/ro/lib.txt:1:library\n/workspace/README.md:1:# main\n/workspace/src/a.txt:1:alpha\n"
            + "/workspace/vendor/lib.txt:1:library"));
  }

  @Test
  void writingThroughAReadOnlyLinkOrASnapshotIsPermissionDenied() {
    assertThat(call("write_file", json("path", "vendor/x.txt", "content", "x")))
        .isEqualTo(ToolResult.error("permission denied: cannot write /workspace/vendor/x.txt: /workspace/vendor is linked read-only"));
    assertThat(call("Edit", json("file_path", "/ro/lib.txt", "old_string", "library", "new_string", "book")))
        .isEqualTo(ToolResult.error("permission denied: cannot write /ro/lib.txt: /ro is linked read-only"));
    assertThat(call("write_file", json("path", "/refs/ref.txt", "content", "changed")))
        .isEqualTo(ToolResult.error("permission denied: cannot write /refs/ref.txt: /refs is a snapshot, which cannot be changed"));
    assertThat(call("apply_patch", json("input", "*** Begin Patch\n*** Delete File: /refs/ref.txt\n*** End Patch")))
        .isEqualTo(ToolResult.error("apply_patch failed at file operation 1 of 1 (Delete File: /refs/ref.txt): "
            + "permission denied: cannot delete /refs/ref.txt: /refs is a snapshot, which cannot be changed\nNothing was changed."));
    assertThat(vfs.workspaces.read(LinkedVfs.U, LinkedVfs.LIB).revision()).isEqualTo(1);
    assertThat(call("read_file", json("path", "/refs/ref.txt"))).isEqualTo(ToolResult.ok("     1\treference"));
  }

  @Test
  void pathsOutsideEveryLinkAreRefused() {
    assertThat(call("read_file", json("path", "/etc/passwd")))
        .isEqualTo(ToolResult.error("path /etc/passwd is outside every linked root (linked: /workspace, /workspace/vendor, /refs, /ro)"));
    assertThat(call("read_file", json("path", "../etc/passwd")))
        .isEqualTo(ToolResult.error("path /etc/passwd is outside every linked root (linked: /workspace, /workspace/vendor, /refs, /ro)"));
    assertThat(call("write_file", json("path", "/tmp/x", "content", "x")))
        .isEqualTo(ToolResult.error("path /tmp/x is outside every linked root (linked: /workspace, /workspace/vendor, /refs, /ro)"));
    assertThat(call("list_dir", json("path", "/etc")))
        .isEqualTo(ToolResult.error("path /etc is outside every linked root (linked: /workspace, /workspace/vendor, /refs, /ro)"));
  }

  @Test
  void malformedAndTraversingPathsAreRefusedBeforeAnyAccess() {
    assertThat(call("read_file", json("path", "../../../etc/passwd")))
        .isEqualTo(ToolResult.error("invalid path: path \"../../../etc/passwd\" goes above the root /"));
    assertThat(call("write_file", json("path", "src//a.txt", "content", "x")))
        .isEqualTo(ToolResult.error("invalid path: path \"src//a.txt\" has an empty component"));
    assertThat(call("Read", json("file_path", "/workspace/a\0b")))
        .isEqualTo(ToolResult.error("invalid path: path \"/workspace/a\\0b\" contains a NUL character"));
    assertThat(call("read_file", json("path", "src/../README.md"))).isEqualTo(ToolResult.ok("     1\t# main"));
  }

  @Test
  void aLinkPathAndTheDirectoriesAboveItAreDirectories() {
    assertThat(call("write_file", json("path", "/workspace/vendor", "content", "x")))
        .isEqualTo(ToolResult.error("cannot write /workspace/vendor: it is a directory"));
    assertThat(call("read_file", json("path", "/")))
        .isEqualTo(ToolResult.error("/ is a directory, not a file; use list_dir to see what it holds"));
  }

  @Test
  void aWriteCommitsANewSnapshotAndMovesTheHeadByOneRevision() {
    Workspace before = vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN);

    assertThat(call("write_file", json("path", "src/b.txt", "content", "beta\n")).isError()).isFalse();

    Workspace after = vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN);
    assertThat(after.revision()).isEqualTo(before.revision() + 1);
    assertThat(after.base()).isEqualTo(before.base());
    Manifest manifest = vfs.snapshots.read(LinkedVfs.U, after.head().ref()).manifest();
    VfsFile b = (VfsFile) manifest.find(VfsPath.parse("/src/b.txt")).orElseThrow();
    assertThat(vfs.blobs.read(LinkedVfs.U, b.ref())).isEqualTo("beta\n".getBytes(StandardCharsets.UTF_8));
    assertThat(after.head().files()).isEqualTo(3);
    assertThat(vfs.snapshots.read(LinkedVfs.U, before.head().ref()).manifest().find(VfsPath.parse("/src/b.txt"))).isEmpty();
  }

  @Test
  void readsAndSearchesLeaveTheHeadAlone() {
    call("read_file", json("path", "README.md"));
    call("grep", json("pattern", "x"));
    call("glob", json("pattern", "**"));
    call("list_dir", "{}");

    assertThat(vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN).revision()).isEqualTo(1);
  }

  @Test
  void aSessionSeesItsOwnWritesAndOthersSeeThemOnlyAfterCommit() {
    FileSession writer = vfs.fs.open();
    FileSession reader = vfs.fs.open();
    VfsPath path = VfsPath.parse("/workspace/new.txt");

    writer.write(path, "draft".getBytes(StandardCharsets.UTF_8));

    assertThat(writer.read(path)).isEqualTo("draft".getBytes(StandardCharsets.UTF_8));
    assertThat(reader.stat(path)).isEmpty();
    List<Commit> commits = writer.commit();
    assertThat(commits).containsExactly(new Commit(VfsPath.parse("/workspace"), LinkedVfs.MAIN, 2,
        vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN).head().ref()));
    assertThat(vfs.fs.open().read(path)).isEqualTo("draft".getBytes(StandardCharsets.UTF_8));
    assertThat(writer.commit()).as("nothing new to publish").isEmpty();
  }

  @Test
  void aLinkToAMissingWorkspaceIsReportedWhenTouched() {
    VfsFileSystem broken = new VfsFileSystem(LinkedVfs.U, List.of(
        LinkedVfs.link("/gone", new LinkTarget.Workspace(WorkspaceId.of("gone")), LinkAccess.READ_WRITE)),
        vfs.workspaces, vfs.snapshots);

    assertThatThrownBy(() -> broken.open().read(VfsPath.parse("/gone/x")))
        .isInstanceOf(FsException.class)
        .hasMessage("workspace gone linked at /gone does not exist")
        .extracting(e -> ((FsException) e).error()).isEqualTo(FsError.NOT_FOUND);
  }

  @Test
  void twoLinksAtOnePathAreRefused() {
    assertThatThrownBy(() -> new VfsFileSystem(LinkedVfs.U, List.of(
        LinkedVfs.link("/a", new LinkTarget.Snapshot(Snapshots.EMPTY_REF), LinkAccess.READ_ONLY),
        LinkedVfs.link("/a", new LinkTarget.Snapshot(Snapshots.EMPTY_REF), LinkAccess.READ_ONLY)), vfs.workspaces, vfs.snapshots))
        .hasMessage("two workspace links at /a");
  }
}
