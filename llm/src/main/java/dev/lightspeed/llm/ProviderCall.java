package dev.lightspeed.llm;

import dev.lightspeed.engine.cas.BlobRef;
import dev.lightspeed.llm.config.ProviderConfig;
import dev.lightspeed.llm.http.ProviderHttp;
import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.blob.BlobStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Everything one adapter call needs besides the request: the provider to reach and the key to use now,
 * the HTTP client, the session's blob store, the live listener, and the abort signal.
 *
 * @param session the session id, used for prompt cache keys and live deltas
 * @param apiKey the key for this attempt, or empty for keyless providers
 */
public record ProviderCall(
    ProviderConfig provider,
    Optional<String> apiKey,
    ProviderHttp http,
    BlobStore blobs,
    UniverseId universe,
    String session,
    LiveListener live,
    BooleanSupplier aborted) {

  public ProviderCall {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(aborted, "aborted");
  }

  public byte[] read(BlobRef ref) {
    return blobs.read(universe, ref);
  }

  public BlobRef put(byte[] bytes) {
    return blobs.put(universe, bytes);
  }

  public boolean isAborted() {
    return aborted.getAsBoolean();
  }

  /** {@return this call with another key, after a rotation} */
  public ProviderCall withApiKey(Optional<String> key) {
    return new ProviderCall(provider, key, http, blobs, universe, session, live, aborted);
  }
}
