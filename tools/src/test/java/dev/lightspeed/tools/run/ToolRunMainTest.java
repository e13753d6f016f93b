package dev.lightspeed.tools.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunMainTest {
  @TempDir Path root;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ToolRunMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSuccessfulToolPrintsItsOutputAndExitsZero() throws IOException {
    Files.writeString(root.resolve("a.txt"), "hello\n");

    assertThat(run("read_file", "--root", root.toString(), "--args", "{\"path\":\"a.txt\"}")).isZero();
    assertThat(out()).isEqualTo("     1\thello\n");
  }

  @Test
  void aToolErrorIsPrintedAndExitsOne() {
    assertThat(run("Read", "--root", root.toString(), "--args", "{\"file_path\":\"/missing\"}")).isEqualTo(1);
    assertThat(out()).isEqualTo("file not found: /missing\n");
  }

  @Test
  void argumentsAndPatchesCanComeFromFiles() throws IOException {
    Path args = Files.writeString(root.resolve("args.json"), "{\"path\":\"x.txt\",\"content\":\"x\"}");
    Path patch = Files.writeString(root.resolve("p.patch"), "*** Begin Patch\n*** Update File: x.txt\n@@\n-x\n+y\n*** End Patch\n");

    assertThat(run("write_file", "--root", root.toString(), "--args-file", args.toString())).isZero();
    assertThat(run("apply_patch", "--root", root.toString(), "--patch-file", patch.toString())).isZero();
    assertThat(Files.readString(root.resolve("x.txt"))).isEqualTo("y\n");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("read_file", "--root", root.toString())).isEqualTo(2);
    assertThat(run("nope", "--root", root.toString(), "--args", "{}")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ToolRunMain NAME --root DIR")
        .contains("unknown tool \"nope\"; the tools are read_file, glob, grep, list_dir, write_file, edit_file, apply_patch, Read, Glob, Grep, LS, Write, Edit");
  }
}
