package dev.lightspeed.store.pg;

import java.util.Optional;

/**
 * Where {@link PgBlobStore} keeps blobs too large to sit inline in PostgreSQL: a flat key space of immutable
 * objects ({@link S3ObjectStore} in production). Keys are chosen by the blob store and already carry the
 * universe; the object store only moves bytes. Implementations are safe for concurrent use; a put of a key
 * that exists replaces it with (by construction) the same bytes. Failures are
 * {@link dev.lightspeed.store.StoreIoException}.
 */
public interface ObjectStore {
  /** Stores {@code bytes} under {@code key}. */
  void put(String key, byte[] bytes);

  /** {@return the bytes under {@code key}, or empty when there is no such object} */
  Optional<byte[]> get(String key);

  /** {@return where the objects live, for messages (bucket and endpoint, never credentials)} */
  String describe();
}
