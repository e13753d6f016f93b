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

/** {@code grep} (Codex) and {@code Grep} (Claude) on the VFS and on a local directory. */
class GrepToolsTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of(
        "a.py", "import os\nTODO: one\nx = 1\n",
        "src/b.py", "todo lowercase\nTODO: two\r\nTODO: three",
        "src/c.ts", "// TODO ts\n",
        "notes.md", "nothing here\n"));
    h.call("write_file", json("path", "blob.bin", "content", "TODO\0binary"));
    return h;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void grepShowsPathLineAndTextInPathOrderSkippingBinaryFiles(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("grep", json("pattern", "TODO"))).isEqualTo(ToolResult.ok(
        h.abs("a.py") + ":2:TODO: one\n"
            + h.abs("src/b.py") + ":2:TODO: two\n"
            + h.abs("src/b.py") + ":3:TODO: three\n"
            + h.abs("src/c.ts") + ":1:// TODO ts"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void includeCaseAndPathNarrowTheSearch(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("grep", json("pattern", "^todo", "include", "*.py", "case_sensitive", false))).isEqualTo(ToolResult.ok(
        h.abs("a.py") + ":2:TODO: one\n" + h.abs("src/b.py") + ":1:todo lowercase\n" + h.abs("src/b.py") + ":2:TODO: two\n" + h.abs("src/b.py") + ":3:TODO: three"));
    assertThat(h.call("grep", json("pattern", "TODO", "path", "src", "include", "*.ts")))
        .isEqualTo(ToolResult.ok(h.abs("src/c.ts") + ":1:// TODO ts"));
    assertThat(h.call("grep", json("pattern", "x = \\d", "path", "a.py"))).isEqualTo(ToolResult.ok(h.abs("a.py") + ":3:x = 1"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theLimitAndNoMatchesAreNotesNotErrors(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("grep", json("pattern", "TODO", "limit", 1))).isEqualTo(ToolResult.ok(h.abs("a.py") + ":2:TODO: one\n"
        + "[stopped at 1 matching lines, the result limit; narrow the pattern, the path or the file filter, or raise limit]"));
    assertThat(h.call("grep", json("pattern", "FIXME"))).isEqualTo(ToolResult.ok("No matches found"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anInvalidRegexIsAClearError(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("grep", json("pattern", "foo(")))
        .isEqualTo(ToolResult.error("invalid regex \"foo(\": Unclosed group near index 4 (Java regex syntax; escape special characters with \\)"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeGrepListsFilesWithMatchesByDefault(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Grep", json("pattern", "TODO"))).isEqualTo(ToolResult.ok(h.abs("a.py") + "\n" + h.abs("src/b.py") + "\n" + h.abs("src/c.ts")));
    assertThat(h.call("Grep", json("pattern", "TODO", "head_limit", 2))).isEqualTo(ToolResult.ok(h.abs("a.py") + "\n" + h.abs("src/b.py")
        + "\n[stopped at 2 files, the result limit; narrow the pattern, the path or the file filter, or raise head_limit]"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeGrepContentCountCaseGlobAndType(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Grep", json("pattern", "todo", "-i", true, "output_mode", "count")))
        .isEqualTo(ToolResult.ok(h.abs("a.py") + ":1\n" + h.abs("src/b.py") + ":3\n" + h.abs("src/c.ts") + ":1"));
    assertThat(h.call("Grep", json("pattern", "TODO", "output_mode", "content", "-n", false, "glob", "*.ts")))
        .isEqualTo(ToolResult.ok(h.abs("src/c.ts") + ":// TODO ts"));
    assertThat(h.call("Grep", json("pattern", "TODO", "output_mode", "content", "type", "py", "path", h.abs("src"))))
        .isEqualTo(ToolResult.ok(h.abs("src/b.py") + ":2:TODO: two\n" + h.abs("src/b.py") + ":3:TODO: three"));
    assertThat(h.call("Grep", json("pattern", "x", "output_mode", "lines")))
        .isEqualTo(ToolResult.error("argument \"output_mode\" of Grep must be content, files_with_matches or count, not \"lines\""));
    assertThat(h.call("Grep", json("pattern", "x", "type", "cobol")).text()).startsWith("unknown file type \"cobol\"; known types: c, cpp,");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeGrepShowsContextLinesWithSeparatorsBetweenGroups(Backend backend) {
    ToolHarness h = ToolHarness.on(backend, dir, Map.of(
        "a.txt", "one\ntwo\nHIT three\nfour\nfive\nsix\nHIT seven\nHIT eight\nnine\n",
        "b.txt", "HIT first\r\nsecond\n"));

    assertThat(h.call("Grep", json("pattern", "HIT", "output_mode", "content", "-C", 1))).isEqualTo(ToolResult.ok(
        h.abs("a.txt") + "-2-two\n"
            + h.abs("a.txt") + ":3:HIT three\n"
            + h.abs("a.txt") + "-4-four\n"
            + "--\n"
            + h.abs("a.txt") + "-6-six\n"
            + h.abs("a.txt") + ":7:HIT seven\n"
            + h.abs("a.txt") + ":8:HIT eight\n"
            + h.abs("a.txt") + "-9-nine\n"
            + "--\n"
            + h.abs("b.txt") + ":1:HIT first\n"
            + h.abs("b.txt") + "-2-second"));
    assertThat(h.call("Grep", json("pattern", "seven", "output_mode", "content", "-B", 2, "-n", false))).isEqualTo(ToolResult.ok(
        h.abs("a.txt") + "-five\n" + h.abs("a.txt") + "-six\n" + h.abs("a.txt") + ":HIT seven"));
    assertThat(h.call("Grep", json("pattern", "HIT", "output_mode", "content", "-A", 5, "head_limit", 3))).isEqualTo(ToolResult.ok(
        h.abs("a.txt") + ":3:HIT three\n" + h.abs("a.txt") + "-4-four\n" + h.abs("a.txt") + "-5-five\n"
            + "[stopped at 3 lines, the result limit; narrow the pattern, the path or the file filter, or raise head_limit]"));
  }
}
