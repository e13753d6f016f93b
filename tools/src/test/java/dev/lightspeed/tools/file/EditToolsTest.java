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

/** {@code edit_file} (Codex) and {@code Edit} (Claude) on the VFS and on a local directory. */
class EditToolsTest {
  @TempDir Path dir;

  private ToolHarness harness(Backend backend) {
    return ToolHarness.on(backend, dir, Map.of(
        "app.py", "def a():\n    return 1\n\ndef b():\n    return 1\n",
        "win.txt", "first\r\nsecond\r\nthird\r\n"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void editFileReplacesAUniqueStringAndSaysWhere(Backend backend) {
    ToolHarness h = harness(backend);

    ToolResult result = h.call("edit_file", json("path", "app.py", "old_string", "def b():\n    return 1", "new_string", "def b():\n    return 2"));

    assertThat(result).isEqualTo(ToolResult.ok("edited " + h.abs("app.py") + ": replaced 1 occurrence (line 4)"));
    assertThat(h.file("app.py")).contains("def a():\n    return 1\n\ndef b():\n    return 2\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anAmbiguousStringIsRefusedUntilReplaceAllOrMoreContext(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Edit", json("file_path", h.abs("app.py"), "old_string", "return 1", "new_string", "return 0")))
        .isEqualTo(ToolResult.error("old_string matched 2 times in " + h.abs("app.py")
            + "; pass replace_all to replace every occurrence, or add surrounding context to make it unique"));
    assertThat(h.file("app.py")).contains("def a():\n    return 1\n\ndef b():\n    return 1\n");

    assertThat(h.call("Edit", json("file_path", h.abs("app.py"), "old_string", "return 1", "new_string", "return 0", "replace_all", true)))
        .isEqualTo(ToolResult.ok("edited " + h.abs("app.py") + ": replaced 2 occurrences (lines 2, 5)"));
    assertThat(h.file("app.py")).contains("def a():\n    return 0\n\ndef b():\n    return 0\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void aMissingStringOrFileIsAnErrorThatSaysWhatToDo(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("edit_file", json("path", "app.py", "old_string", "def c()", "new_string", "x")))
        .isEqualTo(ToolResult.error("old_string was not found in " + h.abs("app.py")
            + "; read the file again with read_file and copy the text exactly, including whitespace and indentation"));
    assertThat(h.call("edit_file", json("path", "nope.py", "old_string", "a", "new_string", "b")))
        .isEqualTo(ToolResult.error("file not found: " + h.abs("nope.py")));
    assertThat(h.call("edit_file", json("path", "app.py", "old_string", "a", "new_string", "a")))
        .isEqualTo(ToolResult.error("old_string and new_string are identical; there is nothing to change"));
    assertThat(h.call("Edit", json("file_path", h.abs("app.py"), "old_string", "", "new_string", "x")))
        .isEqualTo(ToolResult.error("old_string is empty but " + h.abs("app.py")
            + " is not; pass the exact text to replace, or use Write to replace the whole file"));
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anEmptyOldStringCreatesANewFile(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("Edit", json("file_path", h.abs("new/file.txt"), "old_string", "", "new_string", "hello\n")))
        .isEqualTo(ToolResult.ok("created " + h.abs("new/file.txt") + " (6 bytes)"));
    assertThat(h.file("new/file.txt")).contains("hello\n");
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void lfTextMatchesACrlfFileAndTheFileKeepsCrlf(Backend backend) {
    ToolHarness h = harness(backend);

    assertThat(h.call("edit_file", json("path", "win.txt", "old_string", "first\nsecond", "new_string", "1st\n2nd")).isError()).isFalse();

    assertThat(h.file("win.txt")).contains("1st\r\n2nd\r\nthird\r\n");
  }
}
