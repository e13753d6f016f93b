package dev.lightspeed.cli;

import dev.lightspeed.cli.gateway.LocalServer;
import dev.lightspeed.cli.tui.TerminalSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the client commands take from the world, handed in by the application so tests can replace each part:
 * the environment (read once, never {@code System.getenv()} in a command), how to get a local server when no
 * gateway is named, and the terminal the chat UI draws on.
 */
public record ClientContext(Map<String, String> env, LocalServer.Factory localServers, TerminalSource terminals) {
  public ClientContext {
    env = Map.copyOf(Objects.requireNonNull(env, "env"));
    Objects.requireNonNull(localServers, "localServers");
    Objects.requireNonNull(terminals, "terminals");
  }

  /** {@return {@code LIGHTSPEED_HOME}, default {@code ~/.lightspeed}: where the chat keeps its input history} */
  public Path home() {
    String configured = env.get("LIGHTSPEED_HOME");
    if (configured != null && !configured.isBlank()) return Path.of(configured.strip());
    return Path.of(System.getProperty("user.home"), ".lightspeed");
  }
}
