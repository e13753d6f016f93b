package dev.lightspeed.store.vfs;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;
import java.util.Optional;

/**
 * A file in a snapshot: the blob holding its bytes, their count, whether it is executable, and an optional
 * media type. No timestamps or owners: two trees with the same content are the same snapshot.
 */
public record VfsFile(BlobRef ref, long size, boolean executable, Optional<String> mediaType) implements VfsNode {
  public VfsFile {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(mediaType, "mediaType");
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
    mediaType.ifPresent(m -> {
      if (m.isBlank()) throw new IllegalArgumentException("blank media type");
    });
  }

  /** {@return a plain (not executable, untyped) file of {@code size} bytes stored as {@code ref}} */
  public static VfsFile of(BlobRef ref, long size) {
    return new VfsFile(ref, size, false, Optional.empty());
  }

  /** {@return this file with other content, keeping its executable bit and media type} */
  public VfsFile withContent(BlobRef newRef, long newSize) {
    return new VfsFile(newRef, newSize, executable, mediaType);
  }
}
