package dev.lightspeed.server.mcp;

import dev.lightspeed.store.mcp.MasterKey;
import dev.lightspeed.store.mcp.McpCredentialStore;
import dev.lightspeed.store.mcp.SecretBox;
import dev.lightspeed.tools.mcp.McpCredentialVault;
import dev.lightspeed.tools.mcp.oauth.OAuthClient;
import dev.lightspeed.tools.mcp.oauth.OAuthDiscovery;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway and the sessions need to use the catalog servers' secrets: the vault that seals them and
 * the OAuth client that logs in and refreshes.
 */
public record McpSecrets(McpCredentialVault vault, OAuthClient oauth, OAuthDiscovery discovery, InstantSource clock) {
  public McpSecrets {
    Objects.requireNonNull(vault, "vault");
    Objects.requireNonNull(oauth, "oauth");
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(clock, "clock");
  }

  /** {@return secrets kept in {@code store}, sealed under {@code key} (none: secrets cannot be stored)} */
  public static McpSecrets create(McpCredentialStore store, Optional<MasterKey> key) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    InstantSource clock = InstantSource.system();
    return new McpSecrets(new McpCredentialVault(store, key.map(SecretBox::new)), new OAuthClient(http, clock), new OAuthDiscovery(http), clock);
  }
}
