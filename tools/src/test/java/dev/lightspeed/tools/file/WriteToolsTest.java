package dev.lightspeed.tools.file;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code write_file} (Codex) and {@code Write} (Claude) on the VFS and on a local directory. */
class WriteToolsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void writeFileCreatesAFileAndItsParents(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of());

    ToolResult result = h.call("write_file", json("path", "a/b/c.txt", "content", "héllo\n"));

    assertThat(result).isEqualTo(ToolResult.ok("created " + h.abs("a/b/c.txt") + " (7 bytes)"));
    assertThat(h.file("a/b/c.txt")).contains("héllo\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeWriteOverwritesAnExistingFile(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of("x.md", "old"));

    ToolResult result = h.call("Write", json("file_path", h.abs("x.md"), "content", "new content"));

    assertThat(result).isEqualTo(ToolResult.ok("overwrote " + h.abs("x.md") + " (11 bytes)"));
    assertThat(h.file("x.md")).contains("new content");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void writingOverADirectoryOrThroughAFileFails(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of("d/f.txt", "x", "file", "y"));

    assertThat(h.call("write_file", json("path", "d", "content", "z")))
        .isEqualTo(ToolResult.error("cannot write " + h.abs("d") + ": it is a directory"));
    assertThat(h.call("Write", json("file_path", h.abs("file/inner.txt"), "content", "z")))
        .isEqualTo(ToolResult.error("cannot write " + h.abs("file/inner.txt") + ": " + h.abs("file") + " is a file, not a directory"));
    assertThat(h.file("file")).contains("y");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEmptyFileCanBeWritten(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of());

    assertThat(h.call("write_file", json("path", "empty", "content", ""))).isEqualTo(ToolResult.ok("created " + h.abs("empty") + " (0 bytes)"));
    assertThat(h.file("empty")).contains("");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void contentIsRequired(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of());

    assertThat(h.call("write_file", json("path", "x"))).isEqualTo(ToolResult.error("write_file needs the argument \"content\""));
    assertThat(h.file("x")).isEmpty();
  }
}
