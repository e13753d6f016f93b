package dev.lightspeed.store.memory;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobCorruptedException;
import dev.lightspeed.store.blob.BlobNotFoundException;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import dev.lightspeed.store.blob.WellKnownBlobs;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
