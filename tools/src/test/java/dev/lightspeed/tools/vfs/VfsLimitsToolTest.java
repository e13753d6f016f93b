package dev.lightspeed.tools.vfs;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.store.vfs.VfsLimits;
import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that would break a snapshot limit fail with a message naming the limit, and leave the head alone. */
class VfsLimitsToolTest {
  private static final VfsLimits SMALL = new VfsLimits(3, 40, 10, 3);

  @TempDir Path dir;

  private ToolHarness harness() {
    return ToolHarness.on(Backend.VFS, dir, Map.of("a", "1", "b", "2"), SMALL);
  }

  @Test
  void oneFileTooManyIsRefused() {
    ToolHarness h = harness();
    assertThat(h.call("write_file", json("path", "c", "content", "3")).isError()).isFalse();

    assertThat(h.call("write_file", json("path", "d", "content", "4"))).isEqualTo(ToolResult.error(
        "cannot write /workspace/d: the snapshot would hold 4 files; the limit is 3 (/workspace (workspace ws, read-write))"));
    assertThat(h.workspaces().read(ToolHarness.UNIVERSE, ToolHarness.WS).revision()).isEqualTo(2);
  }

  @Test
  void aFileOverThePerFileLimitIsRefused() {
    assertThat(harness().call("write_file", json("path", "big", "content", "12345678901"))).isEqualTo(ToolResult.error(
        "cannot write /workspace/big: file /workspace/big is 11 bytes; the limit per file is 10 bytes (/workspace (workspace ws, read-write))"));
  }

  @Test
  void theTotalSizeIsBounded() {
    ToolHarness h = ToolHarness.on(Backend.VFS, dir, Map.of("a", "1234567890"), new VfsLimits(10, 25, 10, 3));
    assertThat(h.call("write_file", json("path", "b", "content", "1234567890")).isError()).isFalse();

    assertThat(h.call("write_file", json("path", "c", "content", "123456"))).isEqualTo(ToolResult.error(
        "cannot write /workspace/c: the snapshot would hold 26 bytes in total; the limit is 25 bytes (/workspace (workspace ws, read-write))"));
    assertThat(h.file("c")).isEmpty();
  }

  @Test
  void tooDeepAPathIsRefused() {
    assertThat(harness().call("write_file", json("path", "x/y/z/deep.txt", "content", "d"))).isEqualTo(ToolResult.error(
        "cannot write /workspace/x/y/z/deep.txt: the snapshot has a path of 4 components; the limit is 3 (/workspace (workspace ws, read-write))"));
  }

  @Test
  void anApplyPatchOverTheLimitStopsThereAndKeepsWhatFit() {
    ToolHarness h = harness();

    ToolResult result = h.call("apply_patch", json("input", "*** Begin Patch\n*** Add File: c\n+c\n*** Add File: d\n+d\n*** End Patch"));

    assertThat(result.text()).isEqualTo("apply_patch failed at file operation 2 of 2 (Add File: d): cannot write /workspace/d:"
        + " the snapshot would hold 4 files; the limit is 3 (/workspace (workspace ws, read-write))\n"
        + "The operations before it were applied and kept:\nA /workspace/c");
    assertThat(h.file("c")).contains("c\n");
  }

  @Test
  void aLocalDirectoryRefusesToReadOrWriteFilesOverTheLimit() {
    ToolHarness h = ToolHarness.on(Backend.LOCAL, dir, Map.of("big.txt", "12345678901"), SMALL);

    assertThat(h.call("read_file", json("path", "big.txt")))
        .isEqualTo(ToolResult.error("file /big.txt is 11 bytes, over the 10-byte limit for reading"));
    assertThat(h.call("write_file", json("path", "new.txt", "content", "12345678901")))
        .isEqualTo(ToolResult.error("cannot write /new.txt: 11 bytes is over the 10-byte limit per file"));
  }
}
