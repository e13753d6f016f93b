package dev.lightspeed.tools.file;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.json.Json;
import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code list_dir} (Codex) and {@code LS} (Claude) on the VFS and on a local directory. */
class ListToolsTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    return ToolHarness.on(backend, dir, Map.of("b.txt", "b", "a.txt", "a", "src/main.py", "m", "node_modules/x/y.js", "y"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void listDirShowsTheWorkingDirectoryWithDirectoriesMarked(Backend backend) {
    ToolHarness h = harness(backend);

    String header = backend == Backend.VFS ? "/workspace/" : "/";
    assertThat(h.call("list_dir", "{}")).isEqualTo(ToolResult.ok(header + "\n  a.txt\n  b.txt\n  node_modules/\n  src/"));
    assertThat(h.call("list_dir", json("path", "src"))).isEqualTo(ToolResult.ok(h.abs("src") + "/\n  main.py"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lsLeavesOutIgnoredNames(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = h.call("LS", json("path", h.abs(""), "ignore", Json.Arr.of(Json.of("node_modules"), Json.of("*.txt"))));

    assertThat(result).isEqualTo(ToolResult.ok((backend == Backend.VFS ? "/workspace/" : "/") + "\n  src/"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void emptyMissingAndFilePathsAreReported(Backend backend) {
    ToolHarness h = harness(backend);
    h.call("write_file", json("path", "empty/.keep", "content", ""));
    h.call("apply_patch", json("input", "*** Begin Patch\n*** Delete File: empty/.keep\n*** End Patch"));

    assertThat(h.call("LS", json("path", h.abs("empty")))).isEqualTo(ToolResult.ok(h.abs("empty") + "/\n  (empty)"));
    assertThat(h.call("list_dir", json("path", "nope"))).isEqualTo(ToolResult.error("directory not found: " + h.abs("nope")));
    assertThat(h.call("list_dir", json("path", "a.txt")))
        .isEqualTo(ToolResult.error(h.abs("a.txt") + " is a file, not a directory; use read_file to read it"));
    assertThat(h.call("LS", "{}")).isEqualTo(ToolResult.error("LS needs the argument \"path\""));
  }
}
