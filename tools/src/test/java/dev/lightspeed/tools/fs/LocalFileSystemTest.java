package dev.lightspeed.tools.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.store.vfs.VfsPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local directory as a file system: confinement to the root, atomic writes, kept permissions. */
class LocalFileSystemTest {
  @TempDir Path root;
  @TempDir Path outside;

  private FileSession session() {
    return new LocalFileSystem(root).open();
  }

  @Test
  void aSymbolicLinkLeadingOutsideTheRootIsRefused() throws IOException {
    Files.writeString(outside.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(root.resolve("escape"), outside);
    Files.createSymbolicLink(root.resolve("secret-link.txt"), outside.resolve("secret.txt"));

    assertThatThrownBy(() -> session().read(VfsPath.parse("/escape/secret.txt")))
        .isInstanceOf(FsException.class)
        .hasMessage("permission denied: /escape/secret.txt leads outside the root through a symbolic link");
    assertThatThrownBy(() -> session().read(VfsPath.parse("/secret-link.txt")))
        .hasMessage("permission denied: /secret-link.txt leads outside the root through a symbolic link");
    assertThatThrownBy(() -> session().write(VfsPath.parse("/escape/planted.txt"), new byte[] {1}))
        .extracting(e -> ((FsException) e).error()).isEqualTo(FsError.PERMISSION_DENIED);
    assertThat(outside.resolve("planted.txt")).doesNotExist();
    assertThat(session().list(VfsPath.ROOT)).isEmpty();
  }

  @Test
  void aSymbolicLinkInsideTheRootIsFollowed() throws IOException {
    Files.createDirectories(root.resolve("real"));
    Files.writeString(root.resolve("real/a.txt"), "a");
    Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

    assertThat(session().read(VfsPath.parse("/alias/a.txt"))).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
    assertThat(session().list(VfsPath.ROOT)).extracting(DirEntry::name).containsExactly("alias", "real");
  }

  @Test
  void overwritingKeepsTheExecutableBitAndLeavesNoTemporaryFiles() throws IOException {
    Path script = root.resolve("run.sh");
    Files.writeString(script, "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    session().write(VfsPath.parse("/run.sh"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(script)).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxr-xr-x");
    try (Stream<Path> files = Files.list(root)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.sh");
    }
  }

  @Test
  void walksAreInPathOrderAndSkipGitDirectories() throws IOException {
    for (String f : new String[] {"b.txt", "a/z.txt", "a-b.txt", ".git/config", "a/.git/x", "c/d/e.txt"}) {
      Files.createDirectories(root.resolve(f).getParent());
      Files.writeString(root.resolve(f), f);
    }
    StringBuilder seen = new StringBuilder();

    session().walk(VfsPath.ROOT, (path, stat) -> {
      seen.append(path).append(' ');
      return true;
    });

    assertThat(seen.toString()).isEqualTo("/a/z.txt /a-b.txt /b.txt /c/d/e.txt ");
  }

  @Test
  void theRootMustBeADirectory() throws IOException {
    Path file = Files.writeString(root.resolve("f"), "x");

    assertThatThrownBy(() -> new LocalFileSystem(file)).hasMessageContaining("not a directory");
    assertThatThrownBy(() -> new LocalFileSystem(root.resolve("missing"))).hasMessageContaining("cannot open directory");
  }
}
