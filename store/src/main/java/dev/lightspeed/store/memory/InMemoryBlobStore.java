package dev.lightspeed.store.memory;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobNotFoundException;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.blob.WellKnownBlobs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link BlobStore} in a map, for tests and the in-process runner. It is a strict fake: same scoping, same
 * hash verification, same exceptions as the durable stores. {@link #corruptForTest} swaps stored bytes behind
 * the store's back so callers can test what happens when a read finds damage. Safe for concurrent use.
 */
public final class InMemoryBlobStore implements BlobStore {
  private final Map<UniverseId, Map<BlobRef, byte[]>> universes = new ConcurrentHashMap<>();

  @Override
  public BlobRef put(UniverseId universe, byte[] bytes) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(bytes, "bytes");
    BlobRef ref = BlobRef.sha256(bytes);
    if (!WellKnownBlobs.contains(ref)) blobs(universe).putIfAbsent(ref, bytes.clone());
    return ref;
  }

  @Override
  public List<BlobRef> putMany(UniverseId universe, List<byte[]> blobs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(blobs, "blobs");
    List<BlobRef> refs = new ArrayList<>(blobs.size());
    for (byte[] bytes : blobs) refs.add(put(universe, bytes));
    return Collections.unmodifiableList(refs);
  }

  @Override
  public Optional<byte[]> find(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(wellKnown.get().bytes());
    byte[] stored = blobs(universe).get(ref);
    if (stored == null) return Optional.empty();
    if (!ref.matches(stored)) throw new BlobCorruptedException(ref, BlobRef.sha256(stored));
    return Optional.of(stored.clone());
  }

  @Override
  public boolean has(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    return WellKnownBlobs.contains(ref) || blobs(universe).containsKey(ref);
  }

  @Override
  public Set<BlobRef> missing(UniverseId universe, Collection<BlobRef> refs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(refs, "refs");
    TreeSet<BlobRef> missing = new TreeSet<>();
    for (BlobRef ref : refs) {
      if (!has(universe, ref)) missing.add(ref);
    }
    return Collections.unmodifiableSet(missing);
  }

  @Override
  public Optional<BlobStat> stat(UniverseId universe, BlobRef ref) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Optional<WellKnownBlob> wellKnown = WellKnownBlobs.find(ref);
    if (wellKnown.isPresent()) return Optional.of(new BlobStat(ref, wellKnown.get().bytes().length));
    byte[] stored = blobs(universe).get(ref);
    return stored == null ? Optional.empty() : Optional.of(new BlobStat(ref, stored.length));
  }

  /**
   * Replaces the bytes stored under {@code ref} without changing the ref, as a damaged disk would.
   *
   * @throws BlobNotFoundException when the universe does not hold {@code ref}
   * @throws IllegalArgumentException when {@code ref} is a well-known blob, which is never stored
   */
  public void corruptForTest(UniverseId universe, BlobRef ref, byte[] bytes) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(bytes, "bytes");
    if (WellKnownBlobs.contains(ref)) throw new IllegalArgumentException("cannot corrupt well-known blob " + ref);
    byte[] copy = Arrays.copyOf(bytes, bytes.length);
    if (blobs(universe).replace(ref, copy) == null) throw new BlobNotFoundException(ref);
  }

  private Map<BlobRef, byte[]> blobs(UniverseId universe) {
    return universes.computeIfAbsent(universe, u -> new ConcurrentHashMap<>());
  }
}
