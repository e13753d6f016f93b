package dev.lightspeed.cli.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lightspeed.cli.gateway.LocalFilesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryScannerTest {
  @TempDir Path root;
  final List<String> warnings = new ArrayList<>();

  @Test
  void listsRegularFilesSortedWithSizeAndExecutableBit() throws IOException {
    write("b.txt", "bb");
    write("a/run.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(root.resolve("a/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

    List<LocalFile> files = scan(MountLimits.DEFAULT);

    assertThat(files).extracting(LocalFile::path, LocalFile::size, LocalFile::executable)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a/run.sh", 10L, true), org.assertj.core.groups.Tuple.tuple("b.txt", 2L, false));
    assertThat(warnings).isEmpty();
  }

  @Test
  void gitDirectoriesAreSkippedAndGitignoreFilesApplyAtEveryLevel() throws IOException {
    write(".git/HEAD", "ref: refs/heads/main\n");
    write(".gitignore", "build/\n*.log\n");
    write("build/out.bin", "x");
    write("app.log", "x");
    write("src/.gitignore", "!keep.log\n/generated.txt\n");
    write("src/keep.log", "k");
    write("src/generated.txt", "g");
    write("src/main.c", "int main;");
    write("src/sub/generated.txt", "g");

    assertThat(scan(MountLimits.DEFAULT)).extracting(LocalFile::path)
        .containsExactly(".gitignore", "src/.gitignore", "src/keep.log", "src/main.c", "src/sub/generated.txt");
  }

  @Test
  void symbolicLinksAndSpecialFilesAreSkippedWithAWarning() throws Exception {
    write("real.txt", "r");
    Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("real.txt"));
    Files.createSymbolicLink(root.resolve("linkdir"), root);
    boolean fifo = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start().waitFor() == 0;

    assertThat(scan(MountLimits.DEFAULT)).extracting(LocalFile::path).containsExactly("real.txt");
    assertThat(warnings).contains("skipped link.txt: a symbolic link (the VFS holds regular files only)",
        "skipped linkdir: a symbolic link (the VFS holds regular files only)");
    if (fifo) assertThat(warnings).contains("skipped pipe: not a regular file (a device, socket or pipe)");
  }

  @Test
  void tooManyFilesFailWithTheLimit() throws IOException {
    for (int i = 0; i < 4; i++) write("f" + i, "x");

    assertThatThrownBy(() -> scan(new MountLimits(3, 1 << 20, 1 << 20))).isInstanceOf(LocalFilesException.class)
        .hasMessage("more than 3 files to mount, the VFS limit; leave some out with .gitignore or mount a subdirectory");
  }

  @Test
  void tooManyBytesInTotalOrInOneFileFail() throws IOException {
    write("a", "12345");
    write("b", "12345");

    assertThatThrownBy(() -> scan(new MountLimits(10, 8, 1 << 20))).isInstanceOf(LocalFilesException.class)
        .hasMessage("more than 8 B to mount, the VFS limit; leave some out with .gitignore or mount a subdirectory");
    assertThatThrownBy(() -> scan(new MountLimits(10, 1 << 20, 4))).isInstanceOf(LocalFilesException.class)
        .hasMessage("a is 5 B; the VFS takes files of at most 4 B (add it to .gitignore to leave it out)");
  }

  @Test
  void ignoredFilesDoNotCountAgainstTheLimits() throws IOException {
    write(".gitignore", "big/\n");
    write("big/a", "x");
    write("big/b", "x");

    assertThat(scan(new MountLimits(1, 1 << 20, 1 << 20))).extracting(LocalFile::path).containsExactly(".gitignore");
  }

  @Test
  void aMissingDirectoryIsRefused() {
    assertThatThrownBy(() -> new DirectoryScanner(MountLimits.DEFAULT, warnings::add).scan(root.resolve("nope")))
        .isInstanceOf(LocalFilesException.class).hasMessage(root.resolve("nope") + " is not a directory");
  }

  private List<LocalFile> scan(MountLimits limits) {
    return new DirectoryScanner(limits, warnings::add).scan(root);
  }

  private void write(String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
