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

/** {@code apply_patch} on the VFS and on a local directory: operations, lenient forms, failures. */
class ApplyPatchToolTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    return ToolHarness.on(backend, dir, Map.of(
        "src/main.py", "import sys\n\ndef main():\n    print(\"hello\")\n    return 0\n",
        "docs/notes.md", "Use the “fast” path — it’s quicker.\n",
        "old.txt", "bye\n"));
  }

  private static ToolResult patch(ToolHarness h, String text) {
    return h.call("apply_patch", json("input", text));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void addUpdateMoveAndDeleteInOnePatch(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, """
        *** Begin Patch
        *** Add File: src/util.py
        +def helper():
        +    return 42
        *** Update File: src/main.py
        *** Move to: src/app.py
        @@ def main():
        -    print("hello")
        +    print("hello, world")
             return 0
        *** Delete File: old.txt
        *** End Patch
        """);

    assertThat(result).isEqualTo(ToolResult.ok("Success. Updated the following files:\n"
        + "A " + h.abs("src/util.py") + "\n"
        + "M " + h.abs("src/app.py") + " (moved from " + h.abs("src/main.py") + ")\n"
        + "D " + h.abs("old.txt")));
    assertThat(h.file("src/util.py")).contains("def helper():\n    return 42\n");
    assertThat(h.file("src/app.py")).contains("import sys\n\ndef main():\n    print(\"hello, world\")\n    return 0\n");
    assertThat(h.file("src/main.py")).isEmpty();
    assertThat(h.file("old.txt")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aHeredocWrapperIsUnwrapped(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, "apply_patch <<'EOF'\n*** Begin Patch\n*** Update File: old.txt\n@@\n-bye\n+hello\n*** End Patch\nEOF\n");

    assertThat(result.isError()).isFalse();
    assertThat(h.file("old.txt")).contains("hello\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void asciiPunctuationInThePatchMatchesTypographicPunctuationInTheFile(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, """
        *** Begin Patch
        *** Update File: docs/notes.md
        @@
        -Use the "fast" path - it's quicker.
        +Use the slow path.
        *** End Patch
        """);

    assertThat(result.isError()).isFalse();
    assertThat(h.file("docs/notes.md")).contains("Use the slow path.\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void contextWithDifferentIndentationStillMatchesAndKeepsTheFilesOwnLines(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, "*** Begin Patch\n*** Update File: src/main.py\n@@\n def main():  \n-  print(\"hello\")\n+    print(\"bye\")\n*** End Patch");

    assertThat(result.isError()).isFalse();
    assertThat(h.file("src/main.py")).contains("import sys\n\ndef main():\n    print(\"bye\")\n    return 0\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMalformedPatchChangesNothing(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, "*** Begin Patch\n*** Add File: x.txt\n+x\n*** Update File: old.txt\nbye\n*** End Patch");

    assertThat(result).isEqualTo(ToolResult.error("invalid patch, line 5: expected a chunk starting with @@ in the update of old.txt,"
        + " got 'bye'; nothing was changed"));
    assertThat(h.file("x.txt")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aFailedOperationKeepsTheOnesBeforeItAndSaysSo(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = patch(h, """
        *** Begin Patch
        *** Add File: first.txt
        +one
        *** Update File: old.txt
        @@
        -not there
        +x
        *** End Patch
        """);

    assertThat(result).isEqualTo(ToolResult.error("apply_patch failed at file operation 2 of 2 (Update File: old.txt): "
        + "could not find the lines to change in " + h.abs("old.txt") + "; read the file again and copy them exactly:\nnot there\n"
        + "The operations before it were applied and kept:\nA " + h.abs("first.txt")));
    assertThat(h.file("first.txt")).contains("one\n");
    assertThat(h.file("old.txt")).contains("bye\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void deletingAMissingFileFails(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(patch(h, "*** Begin Patch\n*** Delete File: ghost.txt\n*** End Patch")).isEqualTo(ToolResult.error(
        "apply_patch failed at file operation 1 of 1 (Delete File: ghost.txt): file not found: " + h.abs("ghost.txt")
            + "\nNothing was changed."));
  }
}
