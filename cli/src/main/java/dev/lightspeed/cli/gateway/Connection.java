package dev.lightspeed.cli.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway a command talks to, chosen once: {@code --api-url}, else {@code LIGHTSPEED_API_URL}, else a
 * {@link LocalServer} (the embedded runtime). A named gateway is checked with {@code GET /health} first, so a
 * wrong URL is one clear line before anything else happens. Closing stops a local server this process
 * started.
 */
public final class Connection implements AutoCloseable {
  public static final String API_URL = "LIGHTSPEED_API_URL";

  private final GatewayClient client;
  private final Optional<LocalServer> local;

  private Connection(GatewayClient client, Optional<LocalServer> local) {
    this.client = client;
    this.local = local;
  }

  /**
   * Connects as described above.
   *
   * @param apiUrl the {@code --api-url} option, or null
   * @throws IllegalArgumentException when the URL is malformed, quoting it
   * @throws GatewayUnreachableException when the named gateway does not answer
   * @throws NoProviderException when the embedded runtime has no provider to call
   * @throws LocalServerException when the embedded runtime cannot start
   */
  public static Connection open(String apiUrl, Map<String, String> env, LocalServer.Factory localServers) {
    Objects.requireNonNull(env, "env");
    Optional<String> named = Optional.ofNullable(apiUrl).or(() -> Optional.ofNullable(env.get(API_URL))).filter(u -> !u.isBlank());
    if (named.isPresent()) {
      GatewayClient client = new GatewayClient(parseUrl(named.get()));
      client.checkHealth();
      return new Connection(client, Optional.empty());
    }
    LocalServer server = localServers.start(env);
    return new Connection(new GatewayClient(server.url()), Optional.of(server));
  }

  /** {@return a connection to an already running gateway, without a health check} (for tests and embedding) */
  public static Connection to(URI url) {
    return new Connection(new GatewayClient(url), Optional.empty());
  }

  /**
   * {@return {@code text} as a gateway base URL; {@code host:port} means {@code http://host:port}}
   *
   * @throws IllegalArgumentException quoting {@code text} when it is not an http(s) URL
   */
  public static URI parseUrl(String text) {
    String trimmed = text.strip();
    if (!trimmed.contains("://")) trimmed = "http://" + trimmed;
    try {
      URI uri = new URI(trimmed);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new IllegalArgumentException("expected a gateway URL such as http://127.0.0.1:18080, not \"" + text + "\"");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("expected a gateway URL such as http://127.0.0.1:18080, not \"" + text + "\"", e);
    }
  }

  public GatewayClient client() {
    return client;
  }

  /** {@return the local server serving this connection, when no gateway was named} */
  public Optional<LocalServer> local() {
    return local;
  }

  /** {@return one line saying where sessions live} */
  public String description() {
    return local.map(LocalServer::description).orElse("gateway " + client.base());
  }

  @Override
  public void close() {
    local.ifPresent(LocalServer::close);
  }
}
