package dev.lightspeed.bench;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.fs.FsBlobStore;
import dev.lightspeed.store.memory.InMemoryBlobStore;
import dev.lightspeed.store.vfs.Manifest;
import dev.lightspeed.store.vfs.ManifestCodec;
import dev.lightspeed.store.vfs.Snapshot;
import dev.lightspeed.store.vfs.Snapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Committing a 10,000-file snapshot, as {@code vfs/snapshots/commit} does once the client has uploaded the
 * blobs: {@code buildAndCommit} builds the directory tree from the flat file list ({@link ManifestBuilder}) and
 * runs {@link Snapshots#commit} (limits, the existence check of all 10,000 blobs, canonical encoding, storing
 * the manifest blob); {@code commitBuilt} is the commit alone on a tree built beforehand. Scores are files per
 * second (one invocation commits {@value SourceTree#FILES} files). The files are the {@link SourceTree}'s, put
 * in setup. On the file-system store the manifest blob is deleted after every commit so each commit writes it
 * again (a real new snapshot); the in-memory store keeps it, so there the repeated put only hashes and finds it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SourceTree.FILES)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SnapshotCommitBench {
  static final UniverseId UNIVERSE = UniverseId.DEFAULT;

  /** Which blob store holds the files and receives the manifest. */
  public enum Store {
    MEMORY,
    FS
  }

  @Param({"MEMORY", "FS"})
  public Store store;

  private List<ManifestBuilder.Entry> files;
  private Snapshots snapshots;
  private Manifest built;
  private BlobRef manifestRef;

  @Setup(Level.Trial)
  public void upload() {
    BlobStore blobs = switch (store) {
      case MEMORY -> new InMemoryBlobStore();
      case FS -> new FsBlobStore(GrepTree.BLOB_STORE);
    };
    files = TreeUpload.put(GrepTree.ensure(), blobs, UNIVERSE);
    if (files.size() != SourceTree.FILES) throw new IllegalStateException(files.size() + " files in the tree");
    snapshots = new Snapshots(blobs);
    built = new Manifest(ManifestBuilder.build(files));
    byte[] encoded = ManifestCodec.encode(built);
    manifestRef = BlobRef.sha256(encoded);
    System.out.printf("%n[SnapshotCommitBench %s] %d files, %,d bytes of files, manifest %,d bytes%n", store, built.files(),
        built.bytes(), encoded.length);
  }

  @Benchmark
  public Snapshot buildAndCommit() {
    return snapshots.commit(UNIVERSE, new Manifest(ManifestBuilder.build(files)));
  }

  @Benchmark
  public Snapshot commitBuilt() {
    return snapshots.commit(UNIVERSE, built);
  }

  @TearDown(Level.Invocation)
  public void forgetManifest() throws IOException {
    if (store == Store.FS) Files.delete(FsBlobStore.blobPath(GrepTree.BLOB_STORE, UNIVERSE, manifestRef));
  }
}
