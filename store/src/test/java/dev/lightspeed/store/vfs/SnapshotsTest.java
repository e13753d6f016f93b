package dev.lightspeed.store.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotsTest {
  private static final UniverseId U = UniverseId.DEFAULT;

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final Snapshots snapshots = new Snapshots(blobs);

  @Test
  void commitStoresTheCanonicalManifestAndItsRefIsTheIdentity() {
    byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
    BlobRef fileRef = blobs.put(U, content);
    Manifest manifest = new Manifest(VfsDirectory.EMPTY.with(List.of("a.txt"), VfsFile.of(fileRef, 5)));

    Snapshot snapshot = snapshots.commit(U, manifest);

    assertThat(snapshot.ref()).isEqualTo(BlobRef.sha256(ManifestCodec.encode(manifest)));
    assertThat(blobs.read(U, snapshot.ref())).isEqualTo(ManifestCodec.encode(manifest));
    assertThat(snapshot.summary()).isEqualTo(new SnapshotSummary(snapshot.ref(), 1, 5));
    assertThat(new Snapshots(blobs).read(U, snapshot.ref())).isEqualTo(snapshot);
  }

  @Test
  void commitRefusesAManifestWhoseBlobsAreNotUploaded() {
    BlobRef absent = BlobRef.sha256("absent".getBytes(StandardCharsets.UTF_8));
    Manifest manifest = new Manifest(VfsDirectory.EMPTY.with(List.of("x"), VfsFile.of(absent, 6)));

    assertThatThrownBy(() -> snapshots.commit(U, manifest))
        .isInstanceOf(MissingBlobsException.class)
        .hasMessage("the manifest names 1 blob(s) the store does not hold: " + absent + "; upload them first");
  }

  @Test
  void commitChecksTheLimits() {
    BlobRef ref = blobs.put(U, new byte[] {1});
    Snapshots small = new Snapshots(blobs, new VfsLimits(1, 100, 100, 4));
    Manifest two = new Manifest(VfsDirectory.EMPTY.with(List.of("a"), VfsFile.of(ref, 1)).with(List.of("b"), VfsFile.of(ref, 1)));

    assertThatThrownBy(() -> small.commit(U, two))
        .isInstanceOf(SnapshotLimitException.class)
        .hasMessage("the snapshot would hold 2 files; the limit is 1");
  }

  @Test
  void commitDerivedChecksOnlyTheTotalsAndTrustsTheBlobs() {
    BlobRef absent = BlobRef.sha256("put later".getBytes(StandardCharsets.UTF_8));
    Snapshots small = new Snapshots(blobs, new VfsLimits(1, 100, 100, 4));
    Manifest one = new Manifest(VfsDirectory.EMPTY.with(List.of("a"), VfsFile.of(absent, 9)));

    Snapshot derived = small.commitDerived(U, one);

    assertThat(derived.ref()).isEqualTo(BlobRef.sha256(ManifestCodec.encode(one)));
    assertThat(small.read(U, derived.ref()).manifest()).isEqualTo(one);
    assertThatThrownBy(() -> small.commitDerived(U, new Manifest(one.root().with(List.of("b"), VfsFile.of(absent, 9)))))
        .isInstanceOf(SnapshotLimitException.class)
        .hasMessage("the snapshot would hold 2 files; the limit is 1");
  }

  @Test
  void readingAMissingOrForeignSnapshotFails() {
    BlobRef notThere = BlobRef.sha256(new byte[] {9});
    assertThatThrownBy(() -> snapshots.read(U, notThere))
        .isInstanceOf(SnapshotNotFoundException.class)
        .hasMessage("snapshot not found: " + notThere);

    BlobRef notAManifest = blobs.put(U, "plain text".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> snapshots.read(U, notAManifest)).isInstanceOf(InvalidManifestException.class);
  }

  @Test
  void snapshotsAreScopedByUniverse() {
    Snapshot committed = snapshots.commit(U, new Manifest(VfsDirectory.EMPTY.with(List.of("d"), VfsDirectory.EMPTY)));

    assertThatThrownBy(() -> new Snapshots(blobs).read(UniverseId.of("other"), committed.ref()))
        .isInstanceOf(SnapshotNotFoundException.class);
  }

  @Test
  void theEmptySnapshotIsReadableWithoutBeingCommitted() {
    assertThat(snapshots.read(U, Snapshots.EMPTY_REF).manifest()).isEqualTo(Manifest.EMPTY);
    assertThat(snapshots.commit(U, Manifest.EMPTY).ref()).isEqualTo(Snapshots.EMPTY_REF);
  }
}
