package dev.lightspeed.cli.gateway;

import java.net.URI;
import java.util.Map;

/**
 * A gateway the client process provides for itself when it was given none: the embedded runtime (embedded
 * Temporal, the file store under {@code LIGHTSPEED_HOME}, the gateway on a free loopback port), or a server
 * already running on this machine that owns that store. The cli module cannot build one (it must not depend
 * on the server), so the application hands in a {@link Factory}.
 */
public interface LocalServer extends AutoCloseable {
  /** {@return the gateway's base URL, e.g. {@code http://127.0.0.1:41234}} */
  URI url();

  /** {@return one line saying what serves the sessions, for the user's stderr} */
  String description();

  /** {@return whether this process hosts the sessions, so its runs stop when it exits} */
  boolean inProcess();

  /** Stops what this process started; a borrowed server is left running. Idempotent. */
  @Override
  void close();

  /** Starts (or finds) the local server. */
  @FunctionalInterface
  interface Factory {
    /** A build without an embedded runtime: every command needs {@code --api-url}. */
    Factory NONE = env -> {
      throw new LocalServerException(LocalServerException.Reason.CONFIGURATION,
          "this build has no embedded runtime; pass --api-url or set LIGHTSPEED_API_URL", null);
    };

    /**
     * {@return a running local server configured from {@code env}}
     *
     * @throws NoProviderException when no model provider is configured
     * @throws LocalServerException when it cannot start
     */
    LocalServer start(Map<String, String> env);
  }
}
