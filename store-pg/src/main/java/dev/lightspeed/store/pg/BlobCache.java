package dev.lightspeed.store.pg;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import java.util.Optional;

/**
 * Recently read blobs kept in memory, bounded by their total size in bytes (Caffeine, weighted by length).
 * Blobs are immutable, so an entry never goes stale; only hash-verified bytes are put here. Blobs larger
 * than {@link #MAX_ENTRY_BYTES} bypass the cache, so one huge read cannot evict everything else. Callers
 * get copies. Safe for concurrent use.
 */
public final class BlobCache {
  /** The default bound, {@code LIGHTSPEED_BLOB_CACHE_BYTES} unset: 256 MiB. */
  public static final long DEFAULT_BYTES = 256L * 1024 * 1024;
  /** Blobs above this size are never cached: 2 MiB. */
  public static final int MAX_ENTRY_BYTES = 2 * 1024 * 1024;

  private final Cache<Key, byte[]> cache;
  private final long capacity;

  private record Key(UniverseId universe, BlobRef ref) {}

  /** A cache of at most {@code capacityBytes} bytes of blob content; 0 disables caching. */
  public BlobCache(long capacityBytes) {
    if (capacityBytes < 0) throw new IllegalArgumentException("capacityBytes < 0: " + capacityBytes);
    this.capacity = capacityBytes;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(capacityBytes)
        .weigher((Key k, byte[] v) -> v.length)
        .build();
  }

  /** A cache that holds nothing. */
  public static BlobCache disabled() {
    return new BlobCache(0);
  }

  /** {@return a copy of the cached bytes of {@code ref} in {@code universe}, if cached} */
  Optional<byte[]> find(UniverseId universe, BlobRef ref) {
    if (capacity == 0) return Optional.empty();
    byte[] cached = cache.getIfPresent(new Key(universe, ref));
    return cached == null ? Optional.empty() : Optional.of(cached.clone());
  }

  /** Remembers verified {@code bytes} of {@code ref}, unless too large for the cache. */
  void remember(UniverseId universe, BlobRef ref, byte[] bytes) {
    if (capacity == 0 || bytes.length > MAX_ENTRY_BYTES || bytes.length > capacity) return;
    cache.put(new Key(universe, ref), bytes.clone());
  }

  /** Forgets every entry (operators' and tests' escape hatch; entries never go stale by themselves). */
  public void clear() {
    cache.invalidateAll();
  }

  /** {@return the bound in bytes} */
  public long capacityBytes() {
    return capacity;
  }
}
