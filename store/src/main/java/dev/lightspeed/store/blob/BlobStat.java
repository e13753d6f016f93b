package dev.lightspeed.store.blob;

import dev.lightspeed.engine.cas.BlobRef;
import java.util.Objects;

/** What a store knows about a blob without reading it: its ref and its size in bytes. */
public record BlobStat(BlobRef ref, long size) {
  public BlobStat {
    Objects.requireNonNull(ref, "ref");
    if (size < 0) throw new IllegalArgumentException("size < 0: " + size);
  }
}
