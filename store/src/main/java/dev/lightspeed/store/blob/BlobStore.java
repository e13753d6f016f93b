package dev.lightspeed.store.blob;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.engine.cas.WellKnownBlob;
import dev.lightspeed.store.UniverseId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Content-addressed storage for everything bulky: messages, provider items, tool arguments and outputs,
 * files. A blob is identified by the {@link BlobRef} of its exact bytes, so writing is idempotent and a ref
 * can stand in for the content anywhere (events, activity inputs, wire messages).
 *
 * <p><b>Universes.</b> Every method takes the universe first. Blobs are scoped per universe: a blob put in one
 * universe is invisible to every other, even though its ref is the same. The one exception is the
 * {@link WellKnownBlob}s, which every store serves in every universe without anyone writing them.
 *
 * <p><b>Contract.</b> Implementations are safe for concurrent use from any number of threads. {@code put} is
 * idempotent: putting the same bytes twice (concurrently or not) stores them once and returns the same ref.
 * Reads verify the hash: {@link #read} and {@link #find} never return bytes that do not hash to the ref, and
 * throw {@link BlobCorruptedException} instead. Byte arrays are never shared with the caller: the store copies
 * what it is given and returns fresh arrays. {@link #has}, {@link #missing} and {@link #stat} do not read the
 * content, so they do not detect corruption.
 *
 * <p><b>Left out.</b> No deletion or garbage collection, no listing, no streaming (a blob is read whole; keep
 * large payloads to what fits comfortably in memory), no size limit enforced here, no metadata besides size.
 * Failures of the medium are {@link dev.lightspeed.store.StoreIoException}; every operation is safe to retry.
 */
public interface BlobStore {

  /**
   * Stores {@code bytes} in {@code universe} unless already there.
   *
   * @return the ref of the bytes
   */
  BlobRef put(UniverseId universe, byte[] bytes);

  /**
   * Stores each blob, as {@link #put} would.
   *
   * @return the refs in the order of {@code blobs}, duplicates included; unmodifiable
   */
  default List<BlobRef> putMany(UniverseId universe, List<byte[]> blobs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(blobs, "blobs");
    List<BlobRef> refs = new ArrayList<>(blobs.size());
    for (byte[] bytes : blobs) refs.add(put(universe, bytes));
    return Collections.unmodifiableList(refs);
  }

  /**
   * Reads a blob whole.
   *
   * @throws BlobNotFoundException when the universe does not hold {@code ref}
   * @throws BlobCorruptedException when the stored bytes do not hash to {@code ref}
   */
  default byte[] read(UniverseId universe, BlobRef ref) {
    return find(universe, ref).orElseThrow(() -> new BlobNotFoundException(ref));
  }

  /**
   * Reads a blob whole if the universe holds it.
   *
   * @throws BlobCorruptedException when the stored bytes do not hash to {@code ref}
   */
  Optional<byte[]> find(UniverseId universe, BlobRef ref);

  /** {@return true when the universe holds {@code ref}, well-known blobs included} */
  boolean has(UniverseId universe, BlobRef ref);

  /**
   * A batched {@link #has}: which of {@code refs} the universe lacks, for uploading only what is missing.
   *
   * @return the absent refs, without duplicates, in ascending ref order; unmodifiable
   */
  default Set<BlobRef> missing(UniverseId universe, Collection<BlobRef> refs) {
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(refs, "refs");
    TreeSet<BlobRef> missing = new TreeSet<>();
    for (BlobRef ref : refs) {
      if (!has(universe, ref)) missing.add(ref);
    }
    return Collections.unmodifiableSet(missing);
  }

  /** {@return the size of the blob, or empty when the universe does not hold it} */
  Optional<BlobStat> stat(UniverseId universe, BlobRef ref);
}
