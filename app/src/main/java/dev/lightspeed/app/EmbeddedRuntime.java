package dev.lightspeed.app;

import dev.lightspeed.cli.gateway.LocalServer;
import dev.lightspeed.cli.gateway.LocalServerException;
import dev.lightspeed.cli.gateway.NoProviderException;
import dev.lightspeed.llm.config.ConfigurationException;
import dev.lightspeed.llm.config.ProviderRegistry;
import dev.lightspeed.runtime.temporal.WorkflowTuning;
import dev.lightspeed.server.Effects;
import dev.lightspeed.server.HostPort;
import dev.lightspeed.server.LightspeedServer;
import dev.lightspeed.server.Role;
import dev.lightspeed.server.ServerConfig;
import dev.lightspeed.server.ServerConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime a client command starts in its own process when no gateway is named: the server's
 * {@link Role#BOTH} (embedded Temporal on {@code LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR}, the file store under
 * {@code LIGHTSPEED_HOME}) with its gateway on a free loopback port, its logs in
 * {@code LIGHTSPEED_HOME/logs/}.
 *
 * <p>One store must have one runtime: two would both resume the same runs. So when the embedded Temporal
 * address is taken, another process (a {@code lightspeed server} or another chat) is taken to own the store:
 * if a gateway answers {@code /health} at {@code LIGHTSPEED_GATEWAY_ADDR} (default 127.0.0.1:18080) it is used
 * and the user is told; otherwise the command fails naming the address and what to do.
 *
 * <p>Sessions need a model: with no provider configured this fails with {@link NoProviderException} before
 * anything starts. With only Anthropic configured and no {@code LIGHTSPEED_CHAT_PROVIDER}, new sessions
 * default to Anthropic rather than to an OpenAI that is not there.
 */
final class EmbeddedRuntime implements LocalServer.Factory {
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

  private final QuietLogging.Mode logging;
  private final WorkflowTuning tuning;

  EmbeddedRuntime(QuietLogging.Mode logging, WorkflowTuning tuning) {
    this.logging = logging;
    this.tuning = tuning;
  }

  @Override
  public LocalServer start(Map<String, String> env) {
    Map<String, String> effective = new HashMap<>(env);
    ProviderRegistry providers;
    try {
      providers = ProviderRegistry.fromEnvironment(env);
    } catch (ConfigurationException e) {
      throw new LocalServerException(LocalServerException.Reason.CONFIGURATION, "configuration error: " + e.getMessage(), e);
    }
    if (providers.all().isEmpty()) throw new NoProviderException();
    if (blank(env.get(ServerConfig.CHAT_PROVIDER)) && providers.find("openai").isEmpty()) {
      effective.put(ServerConfig.CHAT_PROVIDER, providers.all().keySet().iterator().next());
    }
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(effective);
    } catch (ServerConfigException e) {
      throw new LocalServerException(LocalServerException.Reason.CONFIGURATION, "configuration error: " + e.getMessage(), e);
    }
    if (config.temporal().embedded() && taken(config.temporal().embeddedAddress())) {
      return borrow(config);
    }
    // The in-process runtime is the local default: always the file store, whatever LIGHTSPEED_POSTGRES_URL says.
    ServerConfig local = new ServerConfig(config.home(), config.temporal(), new HostPort("127.0.0.1", 0), config.defaultModel(),
        Optional.empty(), config.secretsKey());
    if (logging == QuietLogging.Mode.TO_FILES) QuietLogging.into(config.home().resolve("logs"));
    try {
      LightspeedServer server = LightspeedServer.start(local, Role.BOTH, Effects.fromEnvironment(effective), tuning);
      return new Embedded(server, config.home().toString());
    } catch (ServerConfigException | ConfigurationException e) {
      throw new LocalServerException(LocalServerException.Reason.CONFIGURATION, "configuration error: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new LocalServerException(LocalServerException.Reason.UNAVAILABLE, "the embedded runtime did not start: " + e.getMessage(), e);
    }
  }

  /** Uses the gateway of the process that holds the embedded Temporal address, or explains why not. */
  private static LocalServer borrow(ServerConfig config) {
    HostPort temporal = config.temporal().embeddedAddress();
    URI gateway = URI.create("http://" + config.gatewayAddress());
    if (!healthy(gateway)) {
      throw new LocalServerException(LocalServerException.Reason.UNAVAILABLE, "cannot start the embedded runtime: " + temporal
          + " (LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR) is in use, by another lightspeed chat or server that owns " + config.home()
          + ", and no gateway answers at " + gateway + " (LIGHTSPEED_GATEWAY_ADDR). Leave the other chat, pass --api-url to its"
          + " gateway, or set LIGHTSPEED_EMBEDDED_TEMPORAL_ADDR to a free address (with another LIGHTSPEED_HOME)", null);
    }
    return new Borrowed(gateway, temporal);
  }

  private static boolean taken(HostPort address) {
    if (address.port() == 0) return false;
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(address.host(), address.port()));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static boolean healthy(URI gateway) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(gateway.resolve("/health")).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** A runtime this process runs; closing it stops it (runs in progress carry on when it next starts). */
  private record Embedded(LightspeedServer server, String home) implements LocalServer {
    @Override
    public URI url() {
      return URI.create("http://127.0.0.1:" + server.gatewayPort());
    }

    @Override
    public String description() {
      return "embedded runtime: sessions in " + home + (server.embeddedTemporal() ? ", Temporal at " + server.temporalAddress() : "");
    }

    @Override
    public boolean inProcess() {
      return true;
    }

    @Override
    public void close() {
      server.shutdown(SHUTDOWN_GRACE);
    }
  }

  /** The gateway of a server that already owns the store; left running. */
  private record Borrowed(URI url, HostPort temporal) implements LocalServer {
    @Override
    public String description() {
      return "using the Lightspeed server already running at " + url + " (it holds the embedded Temporal address " + temporal + ")";
    }

    @Override
    public boolean inProcess() {
      return false;
    }

    @Override
    public void close() {
      // not ours to stop
    }
  }
}
