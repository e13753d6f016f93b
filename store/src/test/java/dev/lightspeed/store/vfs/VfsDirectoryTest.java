package dev.lightspeed.store.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VfsDirectoryTest {
  static VfsFile file(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return VfsFile.of(BlobRef.sha256(bytes), bytes.length);
  }

  @Test
  void withCreatesMissingDirectoriesAndKeepsTotals() {
    VfsDirectory root = VfsDirectory.EMPTY
        .with(List.of("src", "main", "App.java"), file("class App {}"))
        .with(List.of("README.md"), file("hi"));

    assertThat(root.files()).isEqualTo(2);
    assertThat(root.bytes()).isEqualTo(14);
    assertThat(root.height()).isEqualTo(3);
    assertThat(root.entries().keySet()).containsExactly("README.md", "src");
    assertThat(root.find(List.of("src", "main", "App.java"))).contains(file("class App {}"));
    assertThat(root.find(List.of("src", "main"))).hasValueSatisfying(n -> assertThat(n).isInstanceOf(VfsDirectory.class));
  }

  @Test
  void editsShareUntouchedSubtrees() {
    VfsDirectory root = VfsDirectory.EMPTY
        .with(List.of("a", "x"), file("1"))
        .with(List.of("b", "y"), file("2"));

    VfsDirectory edited = root.with(List.of("b", "y"), file("22"));

    assertThat(edited.find(List.of("a")).orElseThrow()).isSameAs(root.find(List.of("a")).orElseThrow());
    assertThat(edited.bytes()).isEqualTo(3);
    assertThat(root.bytes()).isEqualTo(2);
  }

  @Test
  void withoutRemovesAFileAndKeepsItsNowEmptyDirectory() {
    VfsDirectory root = VfsDirectory.EMPTY.with(List.of("d", "f"), file("x"));

    VfsDirectory removed = root.without(List.of("d", "f"));

    assertThat(removed.files()).isZero();
    assertThat(removed.find(List.of("d"))).contains(VfsDirectory.EMPTY);
    assertThat(removed.without(List.of("nothing", "here"))).isSameAs(removed);
  }

  @Test
  void aFileCannotHoldEntries() {
    VfsDirectory root = VfsDirectory.EMPTY.with(List.of("f"), file("x"));

    assertThatThrownBy(() -> root.with(List.of("f", "g"), file("y")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("\"f\" is a file, not a directory");
  }

  @Test
  void equalTreesAreEqualWhateverTheOrderOfEdits() {
    VfsDirectory one = VfsDirectory.EMPTY.with(List.of("a"), file("1")).with(List.of("b"), file("2"));
    VfsDirectory two = VfsDirectory.EMPTY.with(List.of("b"), file("2")).with(List.of("a"), file("1"));

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
  }
}
