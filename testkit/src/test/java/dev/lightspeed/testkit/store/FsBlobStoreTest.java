package dev.lightspeed.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.fs.FsBlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsBlobStoreTest extends BlobStoreContract {
  @TempDir Path root;

  @Override
  protected BlobStore newStore() {
    return new FsBlobStore(root);
  }

  @Override
  protected boolean corrupt(BlobStore store, UniverseId universe, BlobRef ref, byte[] bytes) {
    try {
      Files.write(FsBlobStore.blobPath(root, universe, ref), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  @Test
  void blobsAreFilesShardedByTheFirstTwoHexDigitsOfTheirHash() throws IOException {
    BlobRef ref = store.put(UNIVERSE, bytes("hello"));

    Path expected = root.resolve("universes/default/blobs/sha256/2c/2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    assertThat(FsBlobStore.blobPath(root, UNIVERSE, ref)).isEqualTo(expected);
    assertThat(Files.readAllBytes(expected)).isEqualTo(bytes("hello"));
  }

  @Test
  void universesHaveSeparateDirectories() {
    BlobRef ref = store.put(OTHER, bytes("hello"));

    assertThat(root.resolve("universes/other/blobs/sha256/2c/" + ref.hex())).isRegularFile();
    assertThat(root.resolve("universes/default")).doesNotExist();
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    store.putMany(UNIVERSE, List.of(bytes("a"), bytes("b"), bytes("c"), bytes("a")));

    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .hasSize(3)
          .allSatisfy(name -> assertThat(BlobRef.isValid(BlobRef.PREFIX + name)).isTrue());
    }
  }

  @Test
  void wellKnownBlobsAreNeverWritten() {
    for (WellKnownBlob blob : WellKnownBlob.values()) store.put(UNIVERSE, blob.bytes());

    assertThat(root.resolve("universes")).doesNotExist();
  }

  @Test
  void anotherStoreOnTheSameRootSeesTheBlobs() {
    BlobRef ref = store.put(UNIVERSE, bytes("persistent"));

    FsBlobStore reopened = new FsBlobStore(root);

    assertThat(reopened.read(UNIVERSE, ref)).isEqualTo(bytes("persistent"));
  }

  @Test
  void aStrayTemporaryFileIsNotABlob() throws IOException {
    BlobRef ref = BlobRef.sha256(bytes("half written"));
    Path shard = FsBlobStore.blobPath(root, UNIVERSE, ref).getParent();
    Files.createDirectories(shard);
    Files.write(shard.resolve("." + ref.hex() + ".123.tmp"), bytes("half"));

    assertThat(store.has(UNIVERSE, ref)).isFalse();
    assertThat(store.put(UNIVERSE, bytes("half written"))).isEqualTo(ref);
    assertThat(store.read(UNIVERSE, ref)).isEqualTo(bytes("half written"));
  }

  @Test
  void aStoreOnAMissingRootCreatesItOnFirstWrite() {
    FsBlobStore nested = new FsBlobStore(root.resolve("not/yet/there"));

    assertThat(nested.has(UNIVERSE, BlobRef.sha256(bytes("x")))).isFalse();
    BlobRef ref = nested.put(UNIVERSE, bytes("x"));
    assertThat(nested.read(UNIVERSE, ref)).isEqualTo(bytes("x"));
  }
}
