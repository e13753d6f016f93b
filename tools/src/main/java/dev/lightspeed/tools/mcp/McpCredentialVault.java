package dev.lightspeed.tools.mcp;

import dev.lightspeed.store.UniverseId;
import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.SecretBox;
import dev.lightspeed.store.mcp.SecretUnreadableException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog servers' {@link McpCredentials}, sealed with a {@link SecretBox} (bound to the universe and
 * server id) before they reach a {@link McpCredentialStore} and opened only when asked for. Without a master
 * key nothing can be stored or read, and the error says how to set one. Safe for concurrent use; changes that
 * read, then write a server's credentials hold {@link #lock} for it.
 */
public final class McpCredentialVault {
  private final McpCredentialStore store;
  private final Optional<SecretBox> box;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public McpCredentialVault(McpCredentialStore store, Optional<SecretBox> box) {
    this.store = Objects.requireNonNull(store, "store");
    this.box = Objects.requireNonNull(box, "box");
  }

  /** {@return the message of the error raised when a secret must be stored or read and no master key is set} */
  public static String missingKey(String what) {
    return what + " needs " + MasterKey.VARIABLE + " set where the server runs: the base64 of 32 random bytes, e.g. `export "
        + MasterKey.VARIABLE + "=$(openssl rand -base64 32)`; keep it safe, secrets stored under it cannot be read without it";
  }

  /** {@return whether secrets can be stored (a master key is set)} */
  public boolean canSeal() {
    return box.isPresent();
  }

  /**
   * {@return the credentials of {@code serverId}, or empty when it has none}
   *
   * @throws McpCredentialsException when they cannot be opened (no key, another key, tampered)
   */
  public Optional<McpCredentials> read(UniverseId universe, String serverId) {
    Optional<String> sealed = store.find(universe, serverId);
    if (sealed.isEmpty()) return Optional.empty();
    SecretBox key = box.orElseThrow(() -> new McpCredentialsException(missingKey("using the stored secrets of MCP server \"" + serverId + "\"")));
    try {
      return Optional.of(McpCredentials.fromJson(key.open(sealed.get(), context(universe, serverId))));
    } catch (SecretUnreadableException e) {
      throw new McpCredentialsException("the stored secrets of MCP server \"" + serverId + "\" cannot be opened: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces the credentials of {@code serverId}; empty credentials remove them.
   *
   * @throws McpCredentialsException when there is no master key to seal them with
   */
  public void write(UniverseId universe, String serverId, McpCredentials credentials) {
    if (credentials.isEmpty()) {
      store.delete(universe, serverId);
      return;
    }
    SecretBox key = box.orElseThrow(() -> new McpCredentialsException(missingKey("storing header values or OAuth tokens")));
    store.put(universe, serverId, key.seal(credentials.toJson(), context(universe, serverId)));
  }

  public void delete(UniverseId universe, String serverId) {
    store.delete(universe, serverId);
  }

  /** {@return the object to synchronize on while reading, then writing the credentials of {@code serverId}} */
  public Object lock(UniverseId universe, String serverId) {
    return locks.computeIfAbsent(context(universe, serverId), k -> new Object());
  }

  private static String context(UniverseId universe, String serverId) {
    return "mcp-credentials/" + universe.value() + "/" + serverId;
  }
}
