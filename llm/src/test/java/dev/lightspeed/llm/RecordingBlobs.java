package dev.lightspeed.llm;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStat;
import dev.lightspeed.store.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A blob store for tests that remembers the text of everything put, to show a secret was never stored. */
public final class RecordingBlobs implements BlobStore {
  private final BlobStore delegate;
  private final List<String> puts = Collections.synchronizedList(new ArrayList<>());

  public RecordingBlobs(BlobStore delegate) {
    this.delegate = delegate;
  }

  public List<String> puts() {
    return List.copyOf(puts);
  }

  @Override
  public BlobRef put(UniverseId universe, byte[] bytes) {
    puts.add(new String(bytes, StandardCharsets.UTF_8));
    return delegate.put(universe, bytes);
  }

  @Override
  public Optional<byte[]> find(UniverseId universe, BlobRef ref) {
    return delegate.find(universe, ref);
  }

  @Override
  public boolean has(UniverseId universe, BlobRef ref) {
    return delegate.has(universe, ref);
  }

  @Override
  public Optional<BlobStat> stat(UniverseId universe, BlobRef ref) {
    return delegate.stat(universe, ref);
  }
}
