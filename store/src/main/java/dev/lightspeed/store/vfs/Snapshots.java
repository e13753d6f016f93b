package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Commits and reads snapshots, which are manifest blobs in a {@link BlobStore}. Committing checks the
 * {@link VfsLimits} and that every file's blob is already stored, then stores the canonical encoding; the ref
 * returned is the snapshot's identity, so committing an equal tree twice gives the same ref.
 *
 * <p>Manifests are immutable, so recently read ones are kept parsed in a small cache (per universe and ref).
 * Safe for concurrent use.
 */
public final class Snapshots {
  /** The ref of the empty tree, the seed of a workspace created without a snapshot. */
  public static final BlobRef EMPTY_REF = BlobRef.sha256(ManifestCodec.encode(Manifest.EMPTY));

  private static final int CACHE_ENTRIES = 16;

  private final BlobStore blobs;
  private final VfsLimits limits;
  private final Map<Key, Manifest> cache = new LinkedHashMap<>(CACHE_ENTRIES, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Manifest> eldest) {
      return size() > CACHE_ENTRIES;
    }
  };

  private record Key(UniverseId universe, BlobRef ref) {}

  public Snapshots(BlobStore blobs, VfsLimits limits) {
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public Snapshots(BlobStore blobs) {
    this(blobs, VfsLimits.DEFAULT);
  }

  /** {@return the limits commits are checked against} */
  public VfsLimits limits() {
    return limits;
  }

  /** {@return the store holding manifests and file contents} */
  public BlobStore blobs() {
    return blobs;
  }

  /**
   * Stores {@code manifest} as a snapshot of {@code universe}.
   *
   * @throws SnapshotLimitException when the tree exceeds a limit
   * @throws MissingBlobsException when the universe lacks the blob of a file
   */
  public Snapshot commit(UniverseId universe, Manifest manifest) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(manifest, "manifest");
    limits.check(manifest.root());
    List<BlobRef> refs = new ArrayList<>();
    collectRefs(manifest.root(), refs);
    Set<BlobRef> missing = blobs.missing(universe, refs);
    if (!missing.isEmpty()) throw new MissingBlobsException(missing);
    BlobRef ref = blobs.put(universe, ManifestCodec.encode(manifest));
    remember(universe, ref, manifest);
    return new Snapshot(ref, manifest);
  }

  /**
   * Stores {@code manifest}, derived by editing a committed snapshot, as a snapshot of {@code universe}. Only
   * the totals are checked against the limits (the per-file size is the editor's to check as it writes), and
   * blobs are not looked up: the caller vouches that every file's blob is stored, having put the new ones
   * itself. This keeps a one-file edit of a large tree from costing a walk of the whole tree.
   *
   * @throws SnapshotLimitException when the tree exceeds a total limit
   */
  public Snapshot commitDerived(UniverseId universe, Manifest manifest) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(manifest, "manifest");
    limits.checkTotals(manifest.root());
    BlobRef ref = blobs.put(universe, ManifestCodec.encode(manifest));
    remember(universe, ref, manifest);
    return new Snapshot(ref, manifest);
  }

  /**
   * Reads the snapshot {@code ref} of {@code universe}.
   *
   * @throws SnapshotNotFoundException when the universe holds no blob {@code ref}
   * @throws InvalidManifestException when the blob is not a manifest
   */
  public Snapshot read(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Key key = new Key(universe, ref);
    synchronized (cache) {
      Manifest cached = cache.get(key);
      if (cached != null) return new Snapshot(ref, cached);
    }
    if (ref.equals(EMPTY_REF)) return new Snapshot(ref, Manifest.EMPTY);
    Optional<byte[]> bytes = blobs.find(universe, ref);
    if (bytes.isEmpty()) throw new SnapshotNotFoundException(ref);
    Manifest manifest = ManifestCodec.decode(bytes.get());
    remember(universe, ref, manifest);
    return new Snapshot(ref, manifest);
  }

  private void remember(UniverseId universe, BlobRef ref, Manifest manifest) {
    synchronized (cache) {
      cache.put(new Key(universe, ref), manifest);
    }
  }

  private static void collectRefs(VfsDirectory dir, List<BlobRef> out) {
    for (VfsNode node : dir.entries().values()) {
      switch (node) {
        case VfsFile f -> out.add(f.ref());
        case VfsDirectory d -> collectRefs(d, out);
      }
    }
  }
}
