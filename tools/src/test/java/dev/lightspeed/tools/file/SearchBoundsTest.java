package dev.lightspeed.tools.file;

import static dev.lightspeed.tools.ToolHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.tools.Backend;
import dev.lightspeed.tools.ToolHarness;
import dev.lightspeed.tools.ToolResult;
import dev.lightspeed.tools.search.SearchBounds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Searches stop at their bounds and say which one; big output is capped with a note on how to narrow it. */
class SearchBoundsTest {
  private static final ToolNames CODEX = new ToolNames("read_file", "write_file", "edit_file", "list_dir", "limit", "limit");

  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 5; i++) files.put("f" + i + ".txt", "match " + i + "\n" + "x".repeat(100) + "\n");
    files.put("huge.txt", "match\n".repeat(50));
    return ToolHarness.on(backend, dir, files);
  }

  private static GrepFiles.Request grep(String pattern, int limit) {
    return new GrepFiles.Request(pattern, Optional.empty(), Optional.empty(), Optional.empty(), false, GrepFiles.Mode.CONTENT, true, limit);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void grepNamesTheFileBound(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = GrepFiles.run(h.files().open(), grep("match 1", 100), CODEX,
        new SearchBounds(2, 1 << 20, Duration.ofMinutes(1), 1 << 20), () -> false);

    assertThat(result).isEqualTo(ToolResult.ok(h.abs("f1.txt") + ":1:match 1\n"
        + "[stopped after looking at 2 files, the search bound; narrow the pattern, the path or the file filter]"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void grepNamesTheByteBoundAndSkippedLargeFiles(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult bytes = GrepFiles.run(h.files().open(), grep("match 4", 100), CODEX,
        new SearchBounds(100, 1 << 20, Duration.ofMinutes(1), 200), () -> false);
    assertThat(bytes).isEqualTo(ToolResult.ok(h.abs("f4.txt") + ":1:match 4\n[skipped 1 file over 200 bytes]"));

    ToolResult stopped = GrepFiles.run(h.files().open(), grep("match 4", 100), CODEX,
        new SearchBounds(100, 250, Duration.ofMinutes(1), 1 << 20), () -> false);
    assertThat(stopped.text()).isEqualTo("No matches found\n[stopped after reading 250 bytes, the search bound; narrow the pattern, the path or the file filter]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void searchesNameTheTimeBound(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = GlobFiles.run(h.files().open(), new GlobFiles.Request("**", Optional.empty(), 100), CODEX,
        new SearchBounds(100, 1 << 20, Duration.ZERO, 1 << 20), () -> false);

    assertThat(result.text()).endsWith("[stopped after 0 s, the search time bound; use a more specific pattern or path]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void hugeOutputIsCappedAt64KiBWithANoteSayingHowToNarrow(Backend backend) {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 40; i++) files.put("f" + i + ".txt", ("needle " + "y".repeat(90) + "\n").repeat(50));
    ToolHarness h = ToolHarness.on(backend, dir, files);

    ToolResult result = h.call("grep", json("pattern", "needle", "limit", 5000));

    assertThat(result.isError()).isFalse();
    assertThat(result.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 * 1024);
    assertThat(result.text()).matches("(?s).*\\[output truncated at 64 KiB: showing \\d+ of \\d+ bytes; "
        + "narrow the pattern, the path or the file filter, or lower limit]");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theDefaultBoundsAllowATenThousandFileTree(Backend backend) {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 10_000; i++) files.put("d" + (i % 100) + "/f" + i + ".txt", i == 9_999 ? "last needle\n" : "hay\n");
    ToolHarness h = ToolHarness.on(backend, dir, files);

    assertThat(h.call("grep", json("pattern", "needle"))).isEqualTo(ToolResult.ok(h.abs("d99/f9999.txt") + ":1:last needle"));
    assertThat(h.call("glob", json("pattern", "**/f9999.txt"))).isEqualTo(ToolResult.ok(h.abs("d99/f9999.txt")));
  }
}
