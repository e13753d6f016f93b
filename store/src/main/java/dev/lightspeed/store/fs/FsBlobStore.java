package dev.lightspeed.store.fs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.StoreIoException;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.blob.WellKnownBlobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BlobStore} of plain files, one per blob:
 * {@code <root>/universes/<universe>/blobs/sha256/<first 2 hex>/<64 hex>}. A blob is written to a temporary
 * file in its shard directory, forced to disk and renamed into place, so a file under its final name is
 * always complete; a put of a blob already present writes nothing. Well-known blobs are served from memory and
 * never written.
 *
 * <p>Safe for concurrent use by threads and by processes sharing the root: racing puts of one blob rename
 * identical files over each other. A crash can leave {@code .tmp} files in shard directories; they are never
 * read and can be deleted at any time. Power-loss durability of the rename relies on the file system (the
 * directory is not forced).
 */
public final class FsBlobStore implements BlobStore {
  private final Path root;

  /** A store under {@code root}, which is created on first write if absent. */
  public FsBlobStore(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** {@return where the blob {@code ref} of {@code universe} lives under {@code root}} */
  public static Path blobPath(Path root, UniverseId universe, BlobRef ref) {
    String hex = ref.hex();
    return root.resolve("universes").resolve(universe.value()).resolve("blobs").resolve("sha256")
        .resolve(hex.substring(0, 2)).resolve(hex);
  }

  @Override
  public BlobRef put(UniverseId universe, byte[] bytes) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(bytes, "bytes");
    BlobRef ref = BlobRef.sha256(bytes);
    if (WellKnownBlobs.contains(ref)) return ref;
    Path path = blobPath(root, universe, ref);
    if (Files.exists(path)) return ref;
    try {
      Files.createDirectories(path.getParent());
      AtomicFileWrite.write(path, bytes);
    } catch (IOException e) {
      throw new StoreIoException("cannot write blob " + ref + " to " + path, e);
    }
    return ref;
  }

  @Override
  public Optional<byte[]> find(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(wellKnown.get().bytes());
    Path path = blobPath(root, universe, ref);
    byte[] stored;
    try {
      stored = Files.readAllBytes(path);
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreIoException("cannot read blob " + ref + " from " + path, e);
    }
    if (!ref.matches(stored)) throw new BlobCorruptedException(ref, BlobRef.sha256(stored));
    return Optional.of(stored);
  }

  @Override
  public boolean has(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    return WellKnownBlobs.contains(ref) || Files.isRegularFile(blobPath(root, universe, ref));
  }

  @Override
  public Optional<BlobStat> stat(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(new BlobStat(ref, wellKnown.get().bytes().length));
    Path path = blobPath(root, universe, ref);
    try {
      return Optional.of(new BlobStat(ref, Files.size(path)));
    } catch (NoSuchFileException absent) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreIoException("cannot stat blob " + ref + " at " + path, e);
    }
  }
}
