package dev.lightspeed.tools.file;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code read_file} (Codex) and {@code Read} (Claude) on the VFS and on a local directory. */
class ReadToolsTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    StringBuilder longFile = new StringBuilder();
    for (int i = 1; i <= 2500; i++) longFile.append("line ").append(i).append('\n');
    return ToolHarness.on(backend, dir, Map.of(
        "src/app.py", "import os\nprint('hi')\n",
        "no-newline.txt", "a\nb",
        "crlf.txt", "one\r\ntwo\r\n",
        "empty.txt", "",
        "long.txt", longFile.toString(),
        "wide.txt", "x".repeat(2500) + "\n"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void readFileNumbersEveryLine(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = h.call("read_file", json("path", "src/app.py"));

    assertThat(result).isEqualTo(ToolResult.ok("     1\timport os\n     2\tprint('hi')"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeReadTakesAnAbsoluteFilePathAndGivesTheSameFormat(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Read", json("file_path", h.abs("src/app.py"))))
        .isEqualTo(ToolResult.ok("     1\timport os\n     2\tprint('hi')"));
    assertThat(h.call("Read", json("file_path", h.abs("no-newline.txt")))).isEqualTo(ToolResult.ok("     1\ta\n     2\tb"));
    assertThat(h.call("Read", json("file_path", h.abs("crlf.txt")))).isEqualTo(ToolResult.ok("     1\tone\n     2\ttwo"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void offsetAndLimitPickARangeAndTheNoteSaysHowToReadOn(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("read_file", json("path", "long.txt", "offset", 10, "limit", 2)))
        .isEqualTo(ToolResult.ok("    10\tline 10\n    11\tline 11\n[showing lines 10-11 of 2500; pass offset=12 to read on]"));
    assertThat(h.call("Read", json("file_path", h.abs("long.txt"), "offset", 2499)))
        .isEqualTo(ToolResult.ok("  2499\tline 2499\n  2500\tline 2500"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void byDefaultAtMost2000LinesAreShown(Backend backend) {
    ToolResult result = harness(backend).call("read_file", json("path", "long.txt"));

    assertThat(result.isError()).isFalse();
    assertThat(result.text()).startsWith("     1\tline 1\n").contains("  2000\tline 2000\n")
        .endsWith("[showing lines 1-2000 of 2500; pass offset=2001 to read on]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aLongLineIsClipped(Backend backend) {
    ToolResult result = harness(backend).call("read_file", json("path", "wide.txt"));

    assertThat(result.text()).isEqualTo("     1\t" + "x".repeat(2000) + " … [500 more characters]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void outputStopsAtAWholeLineWithin64KiBAndNamesTheNextOffset(Backend backend) {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 1000; i++) big.append("y".repeat(199)).append('\n');
    ToolHarness h = ToolHarness.on(backend, dir, Map.of("big.txt", big.toString()));

    ToolResult result = h.call("read_file", json("path", "big.txt"));

    assertThat(result.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(result.text()).matches("(?s).*\n   3[0-9]{2}\ty{199}\n\\[output capped at 64 KiB: showing lines 1-3[0-9]{2} of 1000; "
        + "pass offset=3[0-9]{2} \\(and a smaller limit\\) to read on]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void missingFilesDirectoriesEmptyAndBinaryFilesAreReported(Backend backend) {
    ToolHarness h = harness(backend);
    h.call("write_file", json("path", "bin/blob", "content", "\0\1\2"));

    assertThat(h.call("read_file", json("path", "nope.txt"))).isEqualTo(ToolResult.error("file not found: " + h.abs("nope.txt")));
    assertThat(h.call("read_file", json("path", "src")))
        .isEqualTo(ToolResult.error(h.abs("src") + " is a directory, not a file; use list_dir to see what it holds"));
    assertThat(h.call("Read", json("file_path", h.abs("src"))))
        .isEqualTo(ToolResult.error(h.abs("src") + " is a directory, not a file; use LS to see what it holds"));
    assertThat(h.call("read_file", json("path", "empty.txt"))).isEqualTo(ToolResult.ok("(" + h.abs("empty.txt") + " is empty)"));
    assertThat(h.call("read_file", json("path", "bin/blob")))
        .isEqualTo(ToolResult.error(h.abs("bin/blob") + " is a binary file (3 bytes); it cannot be shown as text"));
    assertThat(h.call("read_file", json("path", "src/app.py", "offset", 5)))
        .isEqualTo(ToolResult.error("offset 5 is past the end of " + h.abs("src/app.py") + ", which has 2 lines"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void badArgumentsAreErrorsNamingTheArgument(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("read_file", "{}")).isEqualTo(ToolResult.error("read_file needs the argument \"path\""));
    assertThat(h.call("read_file", json("path", "a", "offset", 0)))
        .isEqualTo(ToolResult.error("argument \"offset\" of read_file must be at least 1, not 0"));
    assertThat(h.call("Read", json("path", "a")))
        .isEqualTo(ToolResult.error("Read has no argument \"path\"; it accepts file_path, limit, offset"));
    assertThat(h.call("read_file", "{\"path\":\"src/app.py\",\"limit\":\"1\"}")).isEqualTo(
        ToolResult.ok("     1\timport os\n[showing lines 1-1 of 2; pass offset=2 to read on]"));
  }
}
