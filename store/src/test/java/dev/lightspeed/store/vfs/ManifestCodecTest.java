package dev.lightspeed.store.vfs;

import static dev.lightspeed.store.vfs.VfsDirectoryTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {
  private static final String HELLO = "sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Test
  void encodesTheTreeAsCanonicalJsonWithTotalsAndNoTimestamps() {
    VfsFile run = new VfsFile(BlobRef.parse(HELLO), 5, true, Optional.empty());
    VfsFile readme = new VfsFile(BlobRef.parse(HELLO), 5, false, Optional.of("text/markdown"));
    Manifest manifest = new Manifest(VfsDirectory.EMPTY.with(List.of("bin", "run"), run).with(List.of("README.md"), readme));

    String json = new String(ManifestCodec.encode(manifest), StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"bytes\":10,\"files\":2,\"root\":{\"entries\":{"
        + "\"README.md\":{\"mediaType\":\"text/markdown\",\"ref\":\"" + HELLO + "\",\"size\":5,\"type\":\"file\"},"
        + "\"bin\":{\"entries\":{\"run\":{\"executable\":true,\"ref\":\"" + HELLO + "\",\"size\":5,\"type\":\"file\"}},\"type\":\"directory\"}},"
        + "\"type\":\"directory\"},\"schemaVersion\":1}");
    assertThat(ManifestCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(manifest);
  }

  @Test
  void anEmptyDirectoryRoundTrips() {
    Manifest manifest = new Manifest(VfsDirectory.EMPTY.with(List.of("empty"), VfsDirectory.EMPTY));

    assertThat(ManifestCodec.decode(ManifestCodec.encode(manifest))).isEqualTo(manifest);
  }

  @Test
  void declaredTotalsMustMatchTheTree() {
    String json = "{\"bytes\":4,\"files\":1,\"root\":{\"entries\":{\"a\":{\"ref\":\"" + HELLO
        + "\",\"size\":5,\"type\":\"file\"}},\"type\":\"directory\"},\"schemaVersion\":1}";

    assertThatThrownBy(() -> ManifestCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage("manifest declares 4 bytes but its files add up to 5");
  }

  @Test
  void fileCountMustMatchTheTree() {
    String json = "{\"bytes\":0,\"files\":3,\"root\":{\"entries\":{},\"type\":\"directory\"},\"schemaVersion\":1}";

    assertThatThrownBy(() -> ManifestCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("manifest declares 3 files but its tree holds 0");
  }

  @Test
  void unknownVersionsFieldsTypesNamesAndRefsAreRefused() {
    assertThatThrownBy(() -> decode("{\"bytes\":0,\"files\":0,\"root\":{\"entries\":{},\"type\":\"directory\"},\"schemaVersion\":2}"))
        .hasMessage("unsupported manifest schemaVersion 2 (expected 1)");
    assertThatThrownBy(() -> decode("{\"bytes\":0,\"files\":0,\"mtime\":1,\"root\":{\"entries\":{},\"type\":\"directory\"},\"schemaVersion\":1}"))
        .hasMessage("manifest has an unknown field \"mtime\"");
    assertThatThrownBy(() -> decode("{\"bytes\":0,\"files\":0,\"root\":{\"entries\":{\"l\":{\"type\":\"symlink\"}},\"type\":\"directory\"},\"schemaVersion\":1}"))
        .hasMessage("entry /l has unknown type \"symlink\" (expected file or directory)");
    assertThatThrownBy(() -> decode("{\"bytes\":0,\"files\":0,\"root\":{\"entries\":{\"..\":{\"entries\":{},\"type\":\"directory\"}},\"type\":\"directory\"},\"schemaVersion\":1}"))
        .hasMessage("invalid entry in directory /: invalid file name \"..\"");
    assertThatThrownBy(() -> decode("{\"bytes\":1,\"files\":1,\"root\":{\"entries\":{\"d\":{\"entries\":{\"f\":{\"ref\":\"md5:x\",\"size\":1,\"type\":\"file\"}},\"type\":\"directory\"}},\"type\":\"directory\"},\"schemaVersion\":1}"))
        .hasMessage("file /d/f has an invalid ref \"md5:x\" (expected sha256:<64 lowercase hex>)");
    assertThatThrownBy(() -> decode("{\"bytes\":0,\"files\":0,\"root\":{\"entries\":{},\"type\":\"file\"},\"schemaVersion\":1}"))
        .hasMessage("entry / must be a directory, not \"file\"");
    assertThatThrownBy(() -> decode("[1]")).hasMessage("manifest must be a JSON object");
    assertThatThrownBy(() -> decode("{")).isInstanceOf(InvalidManifestException.class).hasMessageStartingWith("manifest is not valid JSON: ");
  }

  @Test
  void equalTreesHaveOneEncodingAndSoOneRef() {
    Manifest one = new Manifest(VfsDirectory.EMPTY.with(List.of("a"), file("1")).with(List.of("b"), file("2")));
    Manifest two = new Manifest(VfsDirectory.EMPTY.with(List.of("b"), file("2")).with(List.of("a"), file("1")));

    assertThat(ManifestCodec.encode(one)).isEqualTo(ManifestCodec.encode(two));
  }

  private static Manifest decode(String json) {
    return ManifestCodec.decode(json.getBytes(StandardCharsets.UTF_8));
  }
}
