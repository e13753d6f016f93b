package dev.lightspeed.store.vfs;

import static dev.lightspeed.store.vfs.VfsDirectoryTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VfsLimitsTest {
  private static final BlobRef REF = BlobRef.sha256(new byte[] {1});

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    assertThatCode(() -> VfsLimits.DEFAULT.check(VfsDirectory.EMPTY)).doesNotThrowAnyException();
    assertThat(VfsLimits.DEFAULT)
        .isEqualTo(new VfsLimits(10_000, 512L * 1024 * 1024, 128L * 1024 * 1024, 64));
  }

  @Test
  void tenThousandFilesAreAllowedAndOneMoreIsNot() {
    Map<String, VfsNode> entries = new TreeMap<>();
    for (int i = 0; i < 10_000; i++) entries.put("f" + i, VfsFile.of(REF, 1));
    VfsDirectory full = VfsDirectory.of(entries);

    assertThatCode(() -> VfsLimits.DEFAULT.check(full)).doesNotThrowAnyException();
    assertThatThrownBy(() -> VfsLimits.DEFAULT.check(full.with(List.of("one-more"), VfsFile.of(REF, 1))))
        .isInstanceOf(SnapshotLimitException.class)
        .hasMessage("the snapshot would hold 10,001 files; the limit is 10,000");
  }

  @Test
  void theTotalSizeIsBounded() {
    VfsDirectory big = VfsDirectory.EMPTY
        .with(List.of("a"), VfsFile.of(REF, 128L << 20)).with(List.of("b"), VfsFile.of(REF, 128L << 20))
        .with(List.of("c"), VfsFile.of(REF, 128L << 20)).with(List.of("d"), VfsFile.of(REF, 128L << 20));
    assertThatCode(() -> VfsLimits.DEFAULT.check(big)).doesNotThrowAnyException();

    assertThatThrownBy(() -> VfsLimits.DEFAULT.check(big.with(List.of("e"), VfsFile.of(REF, 1))))
        .hasMessage("the snapshot would hold 536,870,913 bytes in total; the limit is 512 MiB");
  }

  @Test
  void eachFileIsBounded() {
    VfsDirectory tree = VfsDirectory.EMPTY.with(List.of("d", "huge.bin"), VfsFile.of(REF, (128L << 20) + 1));

    assertThatThrownBy(() -> VfsLimits.DEFAULT.check(tree))
        .isInstanceOf(SnapshotLimitException.class)
        .hasMessage("file /d/huge.bin is 134,217,729 bytes; the limit per file is 128 MiB");
  }

  @Test
  void depthIsBoundedAtSixtyFourComponents() {
    List<String> deep = new ArrayList<>(Collections.nCopies(63, "d"));
    deep.add("f");
    VfsDirectory ok = VfsDirectory.EMPTY.with(deep, file("x"));
    assertThatCode(() -> VfsLimits.DEFAULT.check(ok)).doesNotThrowAnyException();

    List<String> deeper = new ArrayList<>(Collections.nCopies(64, "d"));
    deeper.add("f");
    assertThatThrownBy(() -> VfsLimits.DEFAULT.check(VfsDirectory.EMPTY.with(deeper, file("x"))))
        .hasMessage("the snapshot has a path of 65 components; the limit is 64");
  }
}
