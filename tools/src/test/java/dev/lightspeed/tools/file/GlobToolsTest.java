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

/** {@code glob} (Codex) and {@code Glob} (Claude) on the VFS and on a local directory. */
class GlobToolsTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    return ToolHarness.on(backend, dir, Map.of(
        "README.md", "r",
        "setup.py", "s",
        "src/app.py", "a",
        "src/lib/util.py", "u",
        "src/lib/types.ts", "t",
        "src/web/index.tsx", "i",
        "test/test_app.py", "t"));
  }

  private static String lines(ToolHarness h, String... relative) {
    StringBuilder out = new StringBuilder();
    for (String r : relative) out.append(out.isEmpty() ? "" : "\n").append(h.abs(r));
    return out.toString();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void starStaysInOneComponentAndDoubleStarCrossesThem(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("glob", json("pattern", "*.py"))).isEqualTo(ToolResult.ok(lines(h, "setup.py")));
    assertThat(h.call("glob", json("pattern", "**/*.py")))
        .isEqualTo(ToolResult.ok(lines(h, "setup.py", "src/app.py", "src/lib/util.py", "test/test_app.py")));
    assertThat(h.call("glob", json("pattern", "src/*.py"))).isEqualTo(ToolResult.ok(lines(h, "src/app.py")));
    assertThat(h.call("glob", json("pattern", "src/**/*.{ts,tsx}")))
        .isEqualTo(ToolResult.ok(lines(h, "src/lib/types.ts", "src/web/index.tsx")));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void claudeGlobSearchesUnderAPath(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Glob", json("pattern", "**/*.py", "path", h.abs("src"))))
        .isEqualTo(ToolResult.ok(lines(h, "src/app.py", "src/lib/util.py")));
    assertThat(h.call("Glob", json("pattern", h.abs("src") + "/**/util.*")))
        .isEqualTo(ToolResult.ok(lines(h, "src/lib/util.py")));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theLimitIsANoteNotAnError(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("glob", json("pattern", "**/*", "limit", 2))).isEqualTo(ToolResult.ok(lines(h, "README.md", "setup.py")
        + "\n[stopped at 2 paths, the result limit; use a more specific pattern or path, or raise limit]"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void noMatchAndBadInputs(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("glob", json("pattern", "**/*.rs"))).isEqualTo(ToolResult.ok("no files match **/*.rs under " + h.abs("")));
    assertThat(h.call("glob", json("pattern", "*", "path", "setup.py"))).isEqualTo(ToolResult.error(h.abs("setup.py") + " is a file, not a directory"));
    assertThat(h.call("glob", json("pattern", "*", "path", "nowhere"))).isEqualTo(ToolResult.error("directory not found: " + h.abs("nowhere")));
    assertThat(h.call("glob", json("pattern", "src/[ab"))).isEqualTo(ToolResult.error("invalid glob: unclosed [ in glob \"src/[ab\""));
  }
}
