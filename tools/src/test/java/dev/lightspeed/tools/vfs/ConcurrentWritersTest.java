package dev.lightspeed.tools.vfs;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.vfs.VfsPath;
import dev.lightspeed.tools.ToolArgs;
import dev.lightspeed.tools.ToolContext;
import dev.lightspeed.tools.ToolRegistry;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.dialect.FileTools;
import dev.lightspeed.tools.fs.Commit;
import dev.lightspeed.tools.fs.DirEntry;
import dev.lightspeed.tools.fs.FileSession;
import dev.lightspeed.tools.fs.FileStat;
import dev.lightspeed.tools.fs.FileSystem;
import dev.lightspeed.testkit.store.StartingGate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two calls writing one workspace at once: one wins, the other gets a conflict result and writes nothing. */
class ConcurrentWritersTest {
  private static final ToolRegistry TOOLS = FileTools.all();

  private final LinkedVfs vfs = new LinkedVfs();

  /** Holds every session at its commit until {@code parties} sessions got there, so both read the same head. */
  private record CommitTogether(FileSystem inner, CyclicBarrier barrier) implements FileSystem {
    @Override
    public VfsPath workingDirectory() {
      return inner.workingDirectory();
    }

    @Override
    public FileSession open() {
      FileSession session = inner.open();
      return new FileSession() {
        @Override
        public VfsPath workingDirectory() {
          return session.workingDirectory();
        }

        @Override
        public Optional<FileStat> stat(VfsPath path) {
          return session.stat(path);
        }

        @Override
        public byte[] read(VfsPath path) {
          return session.read(path);
        }

        @Override
        public List<DirEntry> list(VfsPath path) {
          return session.list(path);
        }

        @Override
        public void write(VfsPath path, byte[] content) {
          session.write(path, content);
        }

        @Override
        public void delete(VfsPath path) {
          session.delete(path);
        }

        @Override
        public List<Commit> commit() {
          try {
            barrier.await(30, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return session.commit();
        }
      };
    }
  }

  private ToolResult call(FileSystem fs, String tool, String json) {
    return TOOLS.find(tool).orElseThrow().invoke(ToolArgs.parseObject(json), ToolContext.of(fs));
  }

  @Test
  void ofTwoConcurrentEditsOneWinsAndTheOtherGetsAConflictResult() throws Exception {
    FileSystem together = new CommitTogether(vfs.fs, new CyclicBarrier(2));

    List<ToolResult> results = StartingGate.run(2, thread -> thread == 0
        ? call(together, "edit_file", json("path", "src/a.txt", "old_string", "alpha", "new_string", "ALPHA"))
        : call(together, "Write", json("file_path", "/workspace/README.md", "content", "# rewritten\n")));

    List<ToolResult> wins = results.stream().filter(r -> !r.isError()).toList();
    List<ToolResult> conflicts = results.stream().filter(ToolResult::isError).toList();
    assertThat(wins).hasSize(1);
    assertThat(conflicts).singleElement().isEqualTo(ToolResult.error("conflict: the changes under /workspace were not saved: "
        + "workspace main changed while this write was prepared: it was at revision 1 and is now at revision 2;"
        + " nothing was written. Re-read the files and apply the change again."));
    assertThat(vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN).revision()).isEqualTo(2);
    String a = call(vfs.fs, "read_file", json("path", "src/a.txt")).text();
    String readme = call(vfs.fs, "read_file", json("path", "README.md")).text();
    boolean editWon = wins.get(0).text().startsWith("edited");
    assertThat(a).isEqualTo(editWon ? "     1\tALPHA" : "     1\talpha");
    assertThat(readme).isEqualTo(editWon ? "     1\t# main" : "     1\t# rewritten");
  }

  @Test
  void aRetryAfterAConflictSeesTheWinnersChangeAndApplies() throws Exception {
    FileSystem together = new CommitTogether(vfs.fs, new CyclicBarrier(2));
    List<ToolResult> first = StartingGate.run(2, thread -> call(together, "write_file", json("path", "n" + thread + ".txt", "content", "x")));
    int loser = first.get(0).isError() ? 0 : 1;
    assertThat(first.get(1 - loser).isError()).isFalse();
    assertThat(first.get(loser).isError()).isTrue();

    ToolResult retry = call(vfs.fs, "write_file", json("path", "n" + loser + ".txt", "content", "x"));

    assertThat(retry.isError()).isFalse();
    assertThat(call(vfs.fs, "glob", json("pattern", "n*.txt")))
        .isEqualTo(ToolResult.ok("/workspace/n0.txt\n/workspace/n1.txt"));
    assertThat(vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN).revision()).isEqualTo(3);
  }

  @Test
  void sequentialWritersNeverConflict() {
    for (int i = 0; i < 5; i++) {
      assertThat(call(vfs.fs, "apply_patch", json("input", "*** Begin Patch\n*** Add File: f" + i + ".txt\n+" + i + "\n*** End Patch"))
          .isError()).isFalse();
    }

    assertThat(vfs.workspaces.read(LinkedVfs.U, LinkedVfs.MAIN).revision()).isEqualTo(6);
  }
}
