package dev.lightspeed.store.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VfsPathTest {
  private static final VfsPath CWD = VfsPath.parse("/workspace/src");

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory() {
    assertThat(CWD.resolve("main.py")).hasToString("/workspace/src/main.py");
    assertThat(CWD.resolve("./a/./b")).hasToString("/workspace/src/a/b");
    assertThat(CWD.resolve("../docs/x.md")).hasToString("/workspace/docs/x.md");
    assertThat(CWD.resolve(".")).isEqualTo(CWD);
  }

  @Test
  void absolutePathsIgnoreTheWorkingDirectory() {
    assertThat(CWD.resolve("/etc/../tmp/x")).hasToString("/tmp/x");
    assertThat(CWD.resolve("/")).isEqualTo(VfsPath.ROOT);
  }

  @Test
  void oneTrailingSlashIsDropped() {
    assertThat(VfsPath.parse("/a/b/")).isEqualTo(VfsPath.parse("/a/b"));
    assertThat(CWD.resolve("lib/")).hasToString("/workspace/src/lib");
  }

  @Test
  void climbingAboveTheRootIsRefused() {
    assertThatThrownBy(() -> CWD.resolve("../../../x"))
        .isInstanceOf(VfsPathException.class)
        .hasMessage("path \"../../../x\" goes above the root /");
    assertThatThrownBy(() -> VfsPath.parse("/.."))
        .hasMessage("path \"/..\" goes above the root /");
  }

  @Test
  void climbingToTheRootExactlyIsAllowed() {
    assertThat(CWD.resolve("../..")).isEqualTo(VfsPath.ROOT);
  }

  @Test
  void emptyComponentsAreRefused() {
    assertThatThrownBy(() -> CWD.resolve("a//b"))
        .isInstanceOf(VfsPathException.class)
        .hasMessage("path \"a//b\" has an empty component");
    assertThatThrownBy(() -> VfsPath.parse("//x")).hasMessage("path \"//x\" has an empty component");
  }

  @Test
  void nulAndEmptyTextAreRefused() {
    assertThatThrownBy(() -> CWD.resolve("a\0b"))
        .isInstanceOf(VfsPathException.class)
        .hasMessage("path \"a\\0b\" contains a NUL character");
    assertThatThrownBy(() -> CWD.resolve("")).hasMessage("path is empty");
  }

  @Test
  void parseRequiresAnAbsolutePath() {
    assertThatThrownBy(() -> VfsPath.parse("a/b"))
        .hasMessage("path \"a/b\" is not absolute (it must start with /)");
  }

  @Test
  void overlongNamesAreRefused() {
    String name = "n".repeat(256);
    assertThatThrownBy(() -> CWD.resolve(name)).hasMessageContaining("is longer than 255 bytes");
    assertThat(CWD.resolve("n".repeat(255)).depth()).isEqualTo(3);
  }

  @Test
  void partsOfAPath() {
    VfsPath p = VfsPath.parse("/a/b/c.txt");

    assertThat(p.segments()).containsExactly("a", "b", "c.txt");
    assertThat(p.depth()).isEqualTo(3);
    assertThat(p.name()).contains("c.txt");
    assertThat(p.parent()).contains(VfsPath.parse("/a/b"));
    assertThat(VfsPath.ROOT.parent()).isEmpty();
    assertThat(VfsPath.ROOT.name()).isEmpty();
    assertThat(p.startsWith(VfsPath.parse("/a"))).isTrue();
    assertThat(p.startsWith(VfsPath.parse("/a/b/c"))).isFalse();
    assertThat(VfsPath.parse("/ab").startsWith(VfsPath.parse("/a"))).isFalse();
    assertThat(p.relativeTo(VfsPath.parse("/a"))).containsExactly("b", "c.txt");
    assertThat(VfsPath.join(VfsPath.parse("/x"), List.of("y", "z"))).hasToString("/x/y/z");
  }

  @Test
  void pathsSortComponentByComponentSoADirectoryPrecedesItsContents() {
    List<VfsPath> sorted = List.of(VfsPath.parse("/a-b"), VfsPath.parse("/a/z"), VfsPath.parse("/a"), VfsPath.ROOT)
        .stream().sorted().toList();

    assertThat(sorted).extracting(VfsPath::toString).containsExactly("/", "/a", "/a/z", "/a-b");
  }

  @Test
  void invalidNamesAreRefusedByName() {
    assertThatThrownBy(() -> VfsPath.checkName("..")).hasMessage("invalid file name \"..\"");
    assertThatThrownBy(() -> VfsPath.checkName("a/b")).hasMessage("file name \"a/b\" contains /");
    assertThatThrownBy(() -> VfsPath.checkName("")).hasMessage("empty file name");
  }
}
