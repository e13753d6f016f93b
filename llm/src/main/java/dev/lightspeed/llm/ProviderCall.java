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
 * the HTTP client, the session's blob store, the live listener, the abort signal, and where the tokens of
 * provider-run MCP servers are looked up.
 *
 * @param session the session id, used for prompt cache keys and live deltas
 * @param apiKey the key for this attempt, or empty for keyless providers
 * @param mcpTokens the bearer tokens of provider-run MCP servers, resolved just before the request
 */
public record ProviderCall(
    ProviderConfig provider,
    Optional<String> apiKey,
    ProviderHttp http,
    BlobStore blobs,
    UniverseId universe,
    String session,
    LiveListener live,
    BooleanSupplier aborted,
    McpTokens mcpTokens) {

  public ProviderCall {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(universe, "universe");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(aborted, "aborted");
    Objects.requireNonNull(mcpTokens, "mcpTokens");
  }

  /** A call whose provider-run MCP servers have no tokens. */
  public ProviderCall(ProviderConfig provider, Optional<String> apiKey, ProviderHttp http, BlobStore blobs, UniverseId universe,
      String session, LiveListener live, BooleanSupplier aborted) {
    this(provider, apiKey, http, blobs, universe, session, live, aborted, McpTokens.NONE);
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

  /** {@return the bearer token to send now for catalog MCP server {@code serverId}, or empty when it has none} */
  public Optional<String> mcpToken(String serverId) {
    return mcpTokens.find(universe, serverId);
  }

  /** {@return this call with another key, after a rotation} */
  public ProviderCall withApiKey(Optional<String> key) {
    return new ProviderCall(provider, key, http, blobs, universe, session, live, aborted, mcpTokens);
  }
}
